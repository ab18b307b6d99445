package vclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vclab.runtime.ProgramBuilder;
import vclab.vcl.Reply;
import vclab.vmod.Dur;
import vclab.vmod.Vmods;
import vclab.vrt.Director;
import vclab.vrt.ProbeSpec;

/** Issue 4199: a lookup thread adds a probed backend while the VMOD WARM handlers run. */
class RaceR1Test {
    private static final ProbeSpec PROBE = ProbeSpec.withDefaults("p", "/", null,
            2_000_000_000L, 5_000_000_000L, 8, 3, 0, 200);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v7.4|Assert error in VBP_Control(), cache/cache_backend_probe.c line 656:",
        "v7.5|Assert error in VBP_Control(), cache/cache_backend_probe.c line 661:",
        "v7.6|Wrong turn at cache/cache_backend_probe.c:712:",
        "v7.7|Wrong turn at cache/cache_backend_probe.c:709:",
        "pr4205|",
        "b9a2040|",
        "v8.0|"})
    void doubleWarmPanicsWhereTheCatalogueSaysSo(String model, String panicStart) {
        ModelHarness h = new ModelHarness(Models.byId(model));
        h.programs.put("boot", new ProgramBuilder(Vmods.standard()).build());
        h.programs.put("dyn", new ProgramBuilder(Vmods.standard())
                .importVmod("dynamic").importVmod("directors")
                .object("d", "dynamic", "director", (ctx, scope) -> Arrays.asList("80", null,
                        "DIRECTOR", PROBE, null, new Dur(1_000_000_000L)))
                .object("rr", "directors", "round_robin", (ctx, scope) -> List.of())
                .init((ctx, scope) -> {
                    Director be = (Director) scope.objects.get("d").call(ctx, "backend",
                            List.of("example.com"));
                    scope.objects.get("rr").call(ctx, "add_backend", List.of(be));
                }).build());
        h.vd.resolver().set("example.com", List.of("192.0.2.10"), 0);
        h.vd.resolver().setLatency("example.com", 10_000_000L);
        h.injections.add(List.of("vcl_send_event.inside", "delay", "100ms", "vcl=vcl2",
                "event=WARM"));
        Reply[] load = new Reply[1];
        Reply[] panic = new Reply[1];
        h.run(x -> {
            x.load("boot", "boot");
            x.use("boot");
            x.start();
            load[0] = x.load("vcl2", "dyn");
            x.scheduler.sleep(1_000_000_000L);
            panic[0] = x.panicShow();
        });
        if (panicStart == null) {
            assertEquals(200, load[0].status(), load[0].body());
            assertEquals(300, panic[0].status(), panic[0].body());
        } else {
            assertEquals(400, load[0].status(), load[0].body());
            assertEquals(200, panic[0].status());
            assertTrue(panic[0].body().startsWith("Panic at: "), panic[0].body());
            assertTrue(panic[0].body().contains("\n" + panicStart + "\n"), panic[0].body());
        }
    }
}
