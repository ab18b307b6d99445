package vclab.vtc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vclab.vcl.VslRecord;

/**
 * The varnishlog-style record filters that logexpect passes to the log library:
 * {@code -i/-x TAGLIST}, {@code -I/-X [TAGLIST:]REGEX}, {@code -b}, {@code -c}, {@code -C},
 * and the accepted but unused {@code -E -L -R -T -v}.
 */
final class VslFilter {
    private final Set<String> suppressed = new HashSet<>();
    private boolean seenInclude;
    private boolean backendOnly;
    private boolean clientOnly;
    private boolean caseless;
    private Set<String> includeRegexTags;
    private Pattern includeRegex;
    private Set<String> excludeRegexTags;
    private Pattern excludeRegex;

    /**
     * Applies one option.
     *
     * @return null if accepted, else the error message
     */
    String apply(char option, String value) {
        if ((option == 'i' || option == 'I') && !seenInclude) {
            suppressed.addAll(VslTags.NAMES);
        }
        switch (option) {
            case 'b' -> backendOnly = true;
            case 'c', 'E' -> clientOnly = true;
            case 'C' -> caseless = true;
            case 'i', 'x' -> {
                Set<String> tags = tags(value);
                if (tags == null) {
                    return "-" + option + ": \"" + value + "\" matches zero tags";
                }
                if (option == 'i') {
                    suppressed.removeAll(tags);
                } else {
                    suppressed.addAll(tags);
                }
                seenInclude |= option == 'i';
            }
            case 'I', 'X' -> {
                return regexOption(option, value);
            }
            case 'L', 'R', 'T', 'v' -> {
                // TODO: transaction limits, rate limits and timeouts do not apply to the
                // simulated log; these options are accepted and ignored.
            }
            default -> {
                return "Unknown option -" + option;
            }
        }
        return null;
    }

    private String regexOption(char option, String value) {
        Set<String> tags = null;
        String regex = value;
        int colon = value.indexOf(':');
        if (colon > 0) {
            tags = tags(value.substring(0, colon));
            if (tags == null) {
                return "-" + option + ": \"" + value.substring(0, colon) + "\" matches zero tags";
            }
            regex = value.substring(colon + 1);
        }
        Pattern p;
        try {
            p = Pattern.compile(regex, caseless ? Pattern.CASE_INSENSITIVE : 0);
        } catch (java.util.regex.PatternSyntaxException e) {
            return "-" + option + ": Regex error: " + e.getDescription();
        }
        if (option == 'I') {
            includeRegexTags = tags;
            includeRegex = p;
            if (tags != null) {
                suppressed.removeAll(tags);
            } else {
                suppressed.clear();
            }
            seenInclude = true;
        } else {
            excludeRegexTags = tags;
            excludeRegex = p;
        }
        return null;
    }

    /** Returns the tags named by a comma-separated list with {@code *} globs, null if none. */
    private static Set<String> tags(String list) {
        Set<String> out = new HashSet<>();
        for (String item : list.split(",")) {
            String glob = item.strip();
            Pattern p = Pattern.compile("\\Q" + glob.replace("*", "\\E.*\\Q") + "\\E",
                    Pattern.CASE_INSENSITIVE);
            List<String> hits = VslTags.NAMES.stream().filter(t -> p.matcher(t).matches())
                    .toList();
            if (hits.isEmpty()) {
                String one = VslTags.lookup(glob);
                if (one == null) {
                    return null;
                }
                out.add(one);
            } else {
                out.addAll(hits);
            }
        }
        return out;
    }

    /** Returns true if the record passes the filters. */
    boolean accepts(VslRecord r) {
        if (backendOnly || clientOnly) {
            boolean ok = backendOnly && r.type() == 'b' || clientOnly && r.type() == 'c';
            if (!ok) {
                return false;
            }
        }
        if (suppressed.contains(r.tag())) {
            return false;
        }
        if (includeRegex != null && (includeRegexTags == null
                || includeRegexTags.contains(r.tag()))
                && !includeRegex.matcher(r.payload()).find()) {
            return false;
        }
        return excludeRegex == null || (excludeRegexTags != null
                && !excludeRegexTags.contains(r.tag()))
                || !excludeRegex.matcher(r.payload()).find();
    }
}
