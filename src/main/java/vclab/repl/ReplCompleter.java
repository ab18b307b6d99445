package vclab.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import vclab.vrt.VclEvent;

/**
 * Completes the first word with command names and later words by what the command takes
 * there: VCL names and labels, state and health words, backend and parameter names,
 * injection points and actions, files. The lists come from the server at each Tab (see
 * {@link CompletionQueries}); JLine keeps the candidates that start with the typed prefix.
 */
final class ReplCompleter implements Completer {
    static final List<String> STATES = List.of("auto", "cold", "warm");
    static final List<String> HEALTHS = List.of("auto", "healthy", "sick");
    static final List<String> BOOLEANS = List.of("on", "off");
    static final List<String> ACTIONS = List.of("delay", "wait", "barrier", "pause");
    static final List<String> FILTERS = List.of("thread=", "vcl=", "event=", "skip=", "times=");
    static final List<String> TRACE_MODES = List.of("on", "text", "json");

    private final CompletionQueries queries;
    private final FileNames files;

    ReplCompleter(CompletionQueries queries, FileNames files) {
        this.queries = queries;
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line instanceof ReplParser.ReplLine parsed && parsed.inHereDocument()) {
            return;
        }
        String typed = line.word().substring(0, line.wordCursor());
        candidates.addAll(candidates(line.words(), line.wordIndex(), typed));
    }

    /**
     * Returns the candidates for the word at {@code index}, given the words of the line and
     * the part of that word before the cursor.
     */
    List<Candidate> candidates(List<String> words, int index, String typed) {
        if (index == 0) {
            return complete(queries.commandNames());
        }
        String command = words.get(0);
        List<String> before = words.subList(1, index);
        List<String> positional = withoutFlags(before);
        int position = positional.size();
        return switch (command) {
            case "vcl.use" -> position == 0 ? vclsAndLabels() : List.of();
            case "vcl.discard" -> vclsAndLabels();
            case "vcl.show" -> typed.startsWith("-") ? complete(List.of("-v"))
                    : position == 0 ? vclsAndLabels() : List.of();
            case "vcl.state" -> position == 0 ? vcls(false)
                    : position == 1 ? complete(STATES) : List.of();
            case "vcl.label" -> position == 0 ? vcls(true) : position == 1 ? vcls(false)
                    : List.of();
            case "vcl.load" -> position == 1 ? files.candidates(typed)
                    : position == 2 ? complete(STATES) : List.of();
            case "vcl.inline" -> position == 2 && !before.contains("<<") ? complete(STATES)
                    : List.of();
            case "backend.list" -> typed.startsWith("-") ? complete(List.of("-j", "-p"))
                    : position == 0 ? complete(queries.backendNames()) : List.of();
            case "backend.set_health" -> position == 0 ? complete(queries.backendNames())
                    : position == 1 ? complete(HEALTHS) : List.of();
            case "param.show" -> paramShow(typed, position);
            case "param.set" -> paramSet(positional, position);
            case "param.reset" -> position == 0 ? complete(paramNames()) : List.of();
            case "help" -> position == 0 ? complete(queries.commandNames()) : List.of();
            case "debug.inject" -> inject(positional, typed);
            case "debug.inject.clear" -> position == 0 ? injectionIds() : List.of();
            case "debug.release" -> position == 0 ? pauseNames() : List.of();
            case "debug.trace" -> position == 0 ? complete(TRACE_MODES) : List.of();
            case "debug.switches" -> position == 0 ? complete(BOOLEANS) : List.of();
            default -> List.of();
        };
    }

    /** Drops option words ({@code -j}, {@code -v}, {@code -l}, {@code -p}) before the cursor. */
    private static List<String> withoutFlags(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!(word.startsWith("-") && word.length() > 1 && kept.isEmpty())) {
                kept.add(word);
            }
        }
        return kept;
    }

    private List<Candidate> vclsAndLabels() {
        List<String> names = new ArrayList<>();
        for (CompletionQueries.Vcl vcl : queries.vcls()) {
            names.add(vcl.name());
        }
        return complete(names);
    }

    /** @param labels the labels if true, else the VCLs that are not labels */
    private List<Candidate> vcls(boolean labels) {
        List<String> names = new ArrayList<>();
        for (CompletionQueries.Vcl vcl : queries.vcls()) {
            if (vcl.label() == labels) {
                names.add(vcl.name());
            }
        }
        return complete(names);
    }

    private List<Candidate> paramShow(String typed, int position) {
        if (typed.startsWith("-")) {
            return complete(List.of("-l", "-j"));
        }
        if (position > 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>(paramNames());
        names.add("changed");
        return complete(names);
    }

    private List<Candidate> paramSet(List<String> positional, int position) {
        if (position == 0) {
            return complete(paramNames());
        }
        if (position == 1 && Boolean.TRUE.equals(queries.parameters().get(positional.get(0)))) {
            return complete(BOOLEANS);
        }
        return List.of();
    }

    private List<String> paramNames() {
        return new ArrayList<>(queries.parameters().keySet());
    }

    /** {@code debug.inject <point> <action> <arg> [<filter>...]} */
    private List<Candidate> inject(List<String> positional, String typed) {
        int position = positional.size();
        if (position == 0) {
            return complete(queries.injectionPoints());
        }
        if (position == 1) {
            return complete(ACTIONS);
        }
        if (position == 2) {
            return positional.get(1).equals("wait") ? complete(queries.injectionPoints())
                    : List.of();
        }
        if (typed.startsWith("vcl=")) {
            List<String> names = new ArrayList<>();
            for (Candidate vcl : vcls(false)) {
                names.add(vcl.value());
            }
            return prefixed("vcl=", names);
        }
        if (typed.startsWith("event=")) {
            List<String> events = new ArrayList<>();
            for (VclEvent event : VclEvent.values()) {
                events.add(event.name());
            }
            return prefixed("event=", events);
        }
        List<Candidate> filters = new ArrayList<>();
        for (String filter : FILTERS) {
            filters.add(candidate(filter, false));
        }
        return filters;
    }

    private List<Candidate> injectionIds() {
        List<String> ids = new ArrayList<>();
        for (List<String> rule : queries.injections()) {
            ids.add(rule.get(0));
        }
        return complete(ids);
    }

    /** Names that {@code pause} rules wait for, which {@code debug.release} takes. */
    private List<Candidate> pauseNames() {
        List<String> names = new ArrayList<>();
        for (List<String> rule : queries.injections()) {
            if (rule.size() > 3 && rule.get(2).equals("pause") && !names.contains(rule.get(3))) {
                names.add(rule.get(3));
            }
        }
        return complete(names);
    }

    private static List<Candidate> prefixed(String prefix, List<String> values) {
        List<Candidate> candidates = new ArrayList<>();
        for (String value : values) {
            candidates.add(candidate(prefix + value, true));
        }
        return candidates;
    }

    private static List<Candidate> complete(List<String> values) {
        List<Candidate> candidates = new ArrayList<>();
        for (String value : values) {
            candidates.add(candidate(value, true));
        }
        return candidates;
    }

    /** @param complete whether a space follows the value once it is the only match */
    static Candidate candidate(String value, boolean complete) {
        return new Candidate(value, value, null, null, null, null, complete);
    }
}
