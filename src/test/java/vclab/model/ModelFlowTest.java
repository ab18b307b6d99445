package vclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vclab.runtime.ProgramBuilder;
import vclab.sched.SimResult;
import vclab.vcl.Reply;
import vclab.vmod.Dur;
import vclab.vmod.Vmods;
import vclab.vrt.ProbeSpec;

class ModelFlowTest {
    private static final ProbeSpec PROBE = ProbeSpec.withDefaults(null, "/", null,
            2_000_000_000L, 5_000_000_000L, 8, 3, 0, 200);

    private static ProgramBuilder program(String name) {
        return new ProgramBuilder(Vmods.standard()).source("<" + name + ">", "vcl 4.1;");
    }

    @Test
    void loadWarmsDirectorsNewestFirstInTrunk() {
        ModelHarness h = new ModelHarness(new V80());
        h.programs.put("boot", program("boot").backend(new ProgramBuilder.BackendDef("b0",
                true, null, null, null, null)).build());
        h.programs.put("p", program("p").importVmod("debug")
                .backend(new ProgramBuilder.BackendDef("ba", false, "127.0.0.1", "80", null, PROBE))
                .backend(new ProgramBuilder.BackendDef("bb", false, "127.0.0.1", "80", null, PROBE))
                .build());
        SimResult r = h.run(x -> {
            assertEquals(200, x.load("boot", "boot").status());
            assertEquals(200, x.use("boot").status());
            assertEquals(200, x.start().status());
            assertEquals(200, x.load("vcl2", "p").status(), x.replies.toString());
        });
        assertEquals(SimResult.Outcome.COMPLETED, r.outcome(), r.report().toString());
        List<String> events = h.traceLines(Set.of("vmod", "director"));
        int warm = events.indexOf("vmod vcl2 debug WARM");
        assertTrue(warm >= 0, events.toString());
        assertEquals("director vcl2 dir_warmcold WARM", events.get(warm + 1));
        assertEquals("director vcl2 bb WARM", events.get(warm + 2));
        assertEquals("director vcl2 ba WARM", events.get(warm + 3));
        assertTrue(h.vd.invariantViolations().isEmpty(), h.vd.invariantViolations().toString());
    }

    @Test
    void coolDownThroughCoolingWithDiscardDelay() {
        ModelHarness h = new ModelHarness(new V80());
        h.programs.put("d", program("d").importVmod("debug").init((ctx, scope) ->
                scope.vmods.get("debug").call(ctx, "vcl_discard_delay",
                        List.of(new Dur(3_000_000_000L)))).build());
        h.programs.put("other", program("o").build());
        String[] tempAfter1s = new String[1];
        String[] failure = new String[1];
        SimResult r = h.run(x -> {
            x.load("vcl1", "d");
            x.use("vcl1");
            x.start();
            x.load("vcl2", "other");
            x.use("vcl2");
            assertEquals(200, x.state("vcl1", "cold").status());
            x.scheduler.sleep(1_000_000_000L);
            tempAfter1s[0] = x.vd.manager().child().find("vcl1").temp.word();
            Reply warm = x.state("vcl1", "warm");
            failure[0] = warm.status() + " " + warm.body();
        });
        assertEquals(SimResult.Outcome.COMPLETED, r.outcome(), r.report().toString());
        assertEquals("cooling", tempAfter1s[0]);
        assertEquals("300 Failed <vcl.state vcl1 warm>\nMessage:\n\tVCL vcl1 is waiting for:"
                + "\n\t- vmod-debug ref on vcl1", failure[0]);
    }

    @Test
    void failedWarmupReportsTheVmodMessage() {
        ModelHarness h = new ModelHarness(new V80());
        h.params.values.put("max_esi_depth", 42L);
        h.programs.put("boot", program("b").build());
        h.programs.put("d", program("d").importVmod("debug").build());
        Reply[] load = new Reply[1];
        h.run(x -> {
            x.load("boot", "boot");
            x.use("boot");
            x.start();
            load[0] = x.load("vcl2", "d");
        });
        assertNotNull(load[0]);
        assertEquals(300, load[0].status());
        assertEquals("VCL \"vcl2\" Failed warmup\nMessage:\n\tmax_esi_depth is not the answer.",
                load[0].body());
    }

    @Test
    void coldBackendPanicsAndPanicShowHasTheText() {
        ModelHarness h = new ModelHarness(new V80());
        h.programs.put("cold", program("c").importVmod("debug").init((ctx, scope) ->
                scope.vmods.get("debug").call(ctx, "cold_backend", List.of())).build());
        h.programs.put("other", program("o").build());
        Reply[] state = new Reply[1];
        Reply[] panic = new Reply[1];
        h.run(x -> {
            x.load("vcl1", "cold");
            x.use("vcl1");
            x.start();
            x.load("vcl2", "other");
            x.use("vcl2");
            state[0] = x.state("vcl1", "cold");
            x.scheduler.sleep(3_000_000_000L);
            panic[0] = x.panicShow();
        });
        assertEquals(400, state[0].status());
        assertEquals("CLI communication error (hdr)", state[0].body());
        assertEquals(200, panic[0].status());
        assertTrue(panic[0].body().contains(
                "Wrong turn at cache/cache_vrt_vcl.c:252:\nDynamic Backends can only be added to"
                        + " warm VCLs\n"), panic[0].body());
        assertNull(h.vd.manager().child());
    }
}
