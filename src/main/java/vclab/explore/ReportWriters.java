package vclab.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints an {@link ExploreReport} as a text summary, as JSON, or as JUnit XML. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /**
     * Returns one line about the search: what ran, how much, how fast, how it ended. The
     * schedules it names are those of the last pass, which progress lines count too.
     */
    public static String summary(ExploreReport r) {
        ExploreReport.Counts c = r.counts();
        StringBuilder sb = new StringBuilder();
        sb.append(r.scenario()).append(": ");
        if (r.skipped()) {
            return sb.append(r.skipReason()).append(" (").append(r.strategy())
                    .append("; nothing explored)").toString();
        }
        sb.append(r.failed() ? r.failure().kind().label() + " found" : "no failure");
        sb.append(" in ").append(c.schedules()).append(" schedules");
        if (c.passBound() >= 0) {
            sb.append(" at bound ").append(c.passBound());
        }
        sb.append(" (").append(r.strategy());
        if (r.complete()) {
            sb.append(", complete");
        } else if (r.stopReason() != null && !r.failed()) {
            sb.append(", stopped: ").append(r.stopReason());
        }
        sb.append("; ");
        if (c.allSchedules() != c.schedules()) {
            sb.append(c.allSchedules()).append(" schedules in all passes, ");
        }
        sb.append(c.pruned()).append(" pruned, ").append(c.searchRuns()).append(" runs searching");
        if (c.minimizeRuns() > 0) {
            sb.append(", ").append(c.minimizeRuns()).append(" runs minimising");
        }
        sb.append(String.format(Locale.ROOT, ", %.2f s, %.0f runs/s)", r.seconds(),
                r.runsPerSecond()));
        return sb.toString();
    }

    /** Writes the report as indented JSON. */
    public static void writeJson(ExploreReport r, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, mapper.writeValueAsString(r) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Writes the report as a JUnit XML test suite with one test case: the scenario, failed
     * with the story when the search found a failure.
     */
    public static void writeJunit(ExploreReport r, Path file) throws IOException {
        Files.writeString(file, junit(r), StandardCharsets.UTF_8);
    }

    static String junit(ExploreReport r) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String time = String.format(Locale.ROOT, "%.3f", r.seconds());
        sb.append("<testsuite name=\"vclab.explore\" tests=\"1\" failures=\"")
                .append(r.failed() ? 1 : 0).append("\" errors=\"0\" skipped=\"")
                .append(r.skipped() ? 1 : 0).append("\" time=\"")
                .append(time).append("\">\n");
        sb.append("  <properties>\n");
        property(sb, "strategy", r.strategy());
        property(sb, "schedules", Long.toString(r.schedules()));
        property(sb, "pruned", Long.toString(r.pruned()));
        property(sb, "complete", Boolean.toString(r.complete()));
        sb.append("  </properties>\n");
        sb.append("  <testcase classname=\"explore\" name=\"").append(xml(r.scenario()))
                .append("\" time=\"").append(time).append('"');
        if (r.skipped()) {
            sb.append(">\n    <skipped message=\"").append(xml(r.skipReason()))
                    .append("\"/>\n  </testcase>\n");
        } else if (!r.failed()) {
            sb.append("/>\n");
        } else {
            sb.append(">\n    <failure type=\"").append(r.failure().kind().label())
                    .append("\" message=\"").append(xml(r.failure().summary())).append("\">")
                    .append(xml(r.story() == null ? "" : r.story()))
                    .append(xml(r.schedule() == null ? "" : "\n" + r.schedule().toText()))
                    .append("</failure>\n  </testcase>\n");
        }
        sb.append("  <system-out>").append(xml(summary(r))).append("</system-out>\n");
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("    <property name=\"").append(name).append("\" value=\"").append(xml(value))
                .append("\"/>\n");
    }

    /** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
