package vclab.vtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.vcl.Trace;

/**
 * The {@code --trace FILE} output of {@code vclab test}: every event each simulated varnishd
 * posted to a VMOD or a director, with temperature changes, panics and invariant violations,
 * in order, with virtual timestamps and thread names. One section per test run and varnish
 * instance. A file name ending in {@code .json} gets JSON, any other plain text.
 */
final class TraceFile {
    /** The events of one varnish instance in one test run. */
    record Section(String test, String varnish, List<Trace.Event> events) {
    }

    private final Path path;
    private final List<List<Section>> runs = new ArrayList<>();

    TraceFile(Path path) {
        this.path = path;
    }

    /** Returns the section list of the run started {@code index}-th (runs end in any order). */
    synchronized List<Section> run(int index) {
        while (runs.size() <= index) {
            runs.add(new ArrayList<>());
        }
        return runs.get(index);
    }

    /** Returns hooks that record every trace event of each varnishd launched in the run. */
    TestRun.Hooks hooks(String test, List<Section> sections) {
        return new TestRun.Hooks(null, (name, vd) -> {
            Section s = new Section(test, name, new ArrayList<>());
            synchronized (this) {
                sections.add(s);
            }
            vd.trace.addListener(s.events()::add);
        }, null);
    }

    /** Writes all runs, in the order they were started. */
    synchronized void write() throws IOException {
        List<Section> all = new ArrayList<>();
        runs.forEach(all::addAll);
        String text = path.getFileName().toString().endsWith(".json") ? json(all) : text(all);
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private static String text(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append("# ").append(s.test()).append(' ').append(s.varnish()).append('\n');
            for (Trace.Event e : s.events()) {
                sb.append(e.toText()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json(List<Section> sections) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", s.test());
            m.put("varnish", s.varnish());
            m.put("events", s.events());
            out.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out) + "\n";
    }
}
