package vclab.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vclab.model.Models;
import vclab.runtime.ProgramBuilder;
import vclab.vcl.VclCode;
import vclab.vmod.Dur;
import vclab.vmod.Vmods;
import vclab.vrt.Director;
import vclab.vrt.ProbeSpec;

/**
 * The double WARM race (R1): a dynamic director's lookup thread, started in vcl_init, adds
 * a probed backend while the CLI thread warms the VCL. Without an injected delay, whether
 * the add lands inside the warm-up window before the director walk is left to the
 * schedule; inside it, the walk sends the new backend a second WARM and its probe panics.
 */
final class RaceR1 {
    private static final ProbeSpec PROBE = ProbeSpec.withDefaults("p", "/", null,
            2_000_000_000L, 5_000_000_000L, 8, 3, 0, 200);

    private RaceR1() {
    }

    static Scenario scenario(String model) {
        Map<String, VclCode> programs = Map.of(
                "boot", new ProgramBuilder(Vmods.standard()).build(),
                "dyn", new ProgramBuilder(Vmods.standard())
                        .importVmod("dynamic").importVmod("directors")
                        // port, host_header, share, probe, whitelist, ttl
                        .object("d", "dynamic", "director", (ctx, scope) -> Arrays.asList(
                                "80", null, null, PROBE, null, new Dur(1_000_000_000L)))
                        .object("rr", "directors", "round_robin", (ctx, scope) -> List.of())
                        .init((ctx, scope) -> {
                            Director be = (Director) scope.objects.get("d").call(ctx,
                                    "backend", List.of("example.com"));
                            scope.objects.get("rr").call(ctx, "add_backend", List.of(be));
                        }).build());
        return ModelWorld.scenario("r1 " + model, Models.byId(model), programs,
                w -> w.vd.resolver().set("example.com", List.of("192.0.2.10"), 0),
                w -> {
                    w.expectStatus("vcl.load boot", w.load("boot", "boot"), 200);
                    w.expectStatus("vcl.use boot", w.use("boot"), 200);
                    w.expectStatus("start", w.start(), 200);
                    w.expectStatus("vcl.load vcl2", w.load("vcl2", "dyn"), 200);
                });
    }
}
