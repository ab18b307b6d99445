package vclab.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vclab.sched.OpKind;

/**
 * The choices of one run where it left the default policy, which keeps the current thread
 * running while it is enabled and otherwise wakes threads in the order they became ready.
 * Replaying the entries, and the default everywhere else, repeats the run step for step.
 *
 * @param scenario the scenario's name, for readers
 * @param strategy how the schedule was found, for readers
 * @param preemptions how many entries switch away from a thread that could have gone on
 * @param steps number of steps the run took, or -1 if unknown
 * @param fingerprint the run's step fingerprint as 16 hex digits, or null if unknown
 * @param entries the deviations, in run order
 */
public record Schedule(String scenario, String strategy, int preemptions, long steps,
        String fingerprint, List<Entry> entries) {

    /**
     * One deviation from the default policy.
     *
     * @param choice the ordinal of the scheduling decision among those where two or more
     *     threads were enabled, counted from 0
     * @param step the number of steps performed before the decision
     * @param thread the name of the thread chosen
     * @param kind the step the chosen thread announced
     * @param object the name of that step's object ("-" for none)
     * @param vcl the VCL of an injection point, or null
     * @param note what the default would have run, for readers; not checked on replay
     */
    public record Entry(int choice, long step, String thread, OpKind kind, String object,
            String vcl, String note) {
    }

    public Schedule {
        entries = List.copyOf(entries);
    }

    /** Renders the schedule in the text format {@link #parse} reads. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# vclab schedule: the choices where the run left the default policy, which\n");
        sb.append("# keeps the current thread running while it is enabled.\n");
        sb.append("# choice N step S thread NAME KIND OBJECT [vcl NAME]\n");
        sb.append("scenario ").append(ScheduleText.quote(scenario)).append('\n');
        sb.append("strategy ").append(ScheduleText.quote(strategy)).append('\n');
        sb.append("preemptions ").append(preemptions).append('\n');
        sb.append("steps ").append(steps).append('\n');
        if (fingerprint != null) {
            sb.append("fingerprint ").append(fingerprint).append('\n');
        }
        for (Entry e : entries) {
            sb.append("choice ").append(e.choice).append(" step ").append(e.step)
                    .append(" thread ").append(ScheduleText.quote(e.thread)).append(' ')
                    .append(e.kind.name()).append(' ').append(ScheduleText.quote(e.object));
            if (e.vcl != null) {
                sb.append(" vcl ").append(ScheduleText.quote(e.vcl));
            }
            if (e.note != null) {
                sb.append("  # ").append(e.note.replace('\n', ' '));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    public static Schedule read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the text format.
     *
     * @param source the file name for messages
     * @throws IllegalArgumentException naming the file, the line and the invalid word
     */
    public static Schedule parse(String text, String source) {
        String scenario = "";
        String strategy = "";
        int preemptions = 0;
        long steps = -1;
        String fingerprint = null;
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + ":" + (i + 1);
            ScheduleText.Line line = ScheduleText.tokenize(lines[i], where);
            if (line.words().isEmpty()) {
                continue;
            }
            List<String> w = line.words();
            switch (w.get(0)) {
                case "scenario" -> scenario = ScheduleText.single(w, where);
                case "strategy" -> strategy = ScheduleText.single(w, where);
                case "preemptions" -> preemptions = (int) ScheduleText.number(
                        ScheduleText.single(w, where), where);
                case "steps" -> steps = ScheduleText.number(ScheduleText.single(w, where), where);
                case "fingerprint" -> fingerprint = ScheduleText.single(w, where)
                        .toLowerCase(Locale.ROOT);
                case "choice" -> entries.add(entry(w, line.comment(), where, entries));
                default -> throw new IllegalArgumentException(where + ": unknown keyword '"
                        + w.get(0) + "'; expected scenario, strategy, preemptions, steps,"
                        + " fingerprint or choice");
            }
        }
        return new Schedule(scenario, strategy, preemptions, steps, fingerprint, entries);
    }

    private static Entry entry(List<String> w, String comment, String where,
            List<Entry> before) {
        if ((w.size() != 8 && w.size() != 10) || !w.get(2).equals("step")
                || !w.get(4).equals("thread") || (w.size() == 10 && !w.get(8).equals("vcl"))) {
            throw new IllegalArgumentException(where + ": invalid choice line; expected"
                    + " 'choice N step S thread NAME KIND OBJECT [vcl NAME]'");
        }
        int choice = (int) ScheduleText.number(w.get(1), where);
        if (!before.isEmpty() && before.get(before.size() - 1).choice >= choice) {
            throw new IllegalArgumentException(where + ": choice " + choice
                    + " is not after choice " + before.get(before.size() - 1).choice);
        }
        OpKind kind;
        try {
            kind = OpKind.valueOf(w.get(6));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown step kind '" + w.get(6)
                    + "'");
        }
        return new Entry(choice, ScheduleText.number(w.get(3), where), w.get(5), kind,
                w.get(7), w.size() == 10 ? w.get(9) : null, comment);
    }
}
