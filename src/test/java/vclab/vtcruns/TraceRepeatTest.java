package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A race reproduction gives the same event trace, byte for byte, on every run. */
class TraceRepeatTest {
    private static final int RUNS = 100;

    @TempDir
    Path dir;

    @Test
    void doubleWarmTraceRepeatsExactly() throws Exception {
        String script = VtcRun.projectRoot().resolve("vtc-cases/bugs/r1-double-warm.vtc")
                .toString();
        String first = null;
        for (int i = 0; i < RUNS; i++) {
            Path trace = dir.resolve("trace-" + i + ".json");
            VtcRun r = VtcRun.run(List.of("--model", "v7.6", "--trace", trace.toString(),
                    script));
            assertEquals(2, r.exit, "run " + i + " must fail with the double WARM panic");
            String text = Files.readString(trace);
            if (first == null) {
                first = text;
            } else {
                assertEquals(first, text, "trace of run " + i + " differs from run 0");
            }
        }
        JsonNode events = new ObjectMapper().readTree(first).get(0).get("events");
        assertTrue(events.size() > 10, first);
        boolean lookupWarmed = false;
        boolean panicked = false;
        for (JsonNode e : events) {
            lookupWarmed |= e.get("thread").asText().startsWith("dyn ")
                    && "WARM".equals(e.get("event").asText())
                    && "d(192.0.2.10:80)".equals(e.get("target").asText());
            panicked |= "panic".equals(e.get("kind").asText())
                    && e.get("detail").asText().contains("cache_backend_probe.c:712");
        }
        assertTrue(lookupWarmed, "the lookup thread warms the new backend:\n" + first);
        assertTrue(panicked, "the walk's second WARM panics:\n" + first);
    }
}
