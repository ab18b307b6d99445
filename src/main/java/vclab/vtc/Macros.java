package vclab.vtc;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The macro table of one test: plain macros ({@code ${name}}) and the function macros
 * {@code date} and {@code string,repeat}. Names keep the order of their first definition, as
 * the {@code extmacro def} lines show. Only the test's simulated threads use it.
 */
public final class Macros {

    /** A macro failure; its message is the fatal error text. */
    public static final class MacroException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MacroException(String message) {
            super(message, null, false, false);
        }
    }

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private final Map<String, String> values = new LinkedHashMap<>();
    private final LongSupplier epochMillis;
    private boolean ignoreUnknown;

    /**
     * @param epochMillis the wall-clock time that {@code ${date}} formats, in milliseconds
     */
    public Macros(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** Defines the function macro {@code date} or {@code string}; a new name goes last. */
    public void putFunction(String name) {
        if (!name.equals("date") && !name.equals("string")) {
            throw new IllegalArgumentException("no function macro named " + name);
        }
        values.put(name, null);
    }

    /** Defines or replaces a plain macro; a new name goes last. */
    public void put(String name, String value) {
        values.put(name, value);
    }

    public void remove(String name) {
        values.remove(name);
    }

    /** Returns the value of a plain macro, or null. */
    public String get(String name) {
        return values.get(name);
    }

    public boolean isDefined(String name) {
        return values.containsKey(name);
    }

    /** Sets {@code feature ignore_unknown_macro}: unknown references stay as they are. */
    public void ignoreUnknown() {
        ignoreUnknown = true;
    }

    /** Returns the {@code extmacro def} lines of every macro, in definition order. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        values.forEach((name, value) -> lines.add(value == null
                ? "extmacro def " + name + "(...)" : "extmacro def " + name + "=" + value));
        return lines;
    }

    /**
     * Expands every {@code ${...}} reference of {@code text} once; the replacement text is not
     * scanned again.
     *
     * @throws MacroException with varnishtest's message
     */
    public String expand(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (from < text.length()) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                out.append(text, from, text.length());
                break;
            }
            out.append(text, from, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                // varnishtest 7.1 appends the rest including the part already copied.
                out.append(text, from, text.length());
                break;
            }
            out.append(lookup(text.substring(start + 2, end)));
            from = end + 1;
        }
        return out.toString();
    }

    private String lookup(String reference) {
        List<String> argv;
        try {
            argv = MacroArguments.split(reference);
        } catch (IllegalArgumentException e) {
            throw new MacroException("Macro ${" + reference + "} parsing failed: "
                    + e.getMessage());
        }
        if (argv.isEmpty()) {
            throw new MacroException("Macro ${" + reference + "} not found");
        }
        String name = argv.get(0);
        String result;
        if (!values.containsKey(name)) {
            result = null;
        } else if (values.get(name) != null) {
            if (argv.size() > 1) {
                throw new MacroException("Macro ${" + reference
                        + "} failed: macro does not take arguments");
            }
            result = values.get(name);
        } else {
            try {
                result = callFunction(name, argv);
            } catch (IllegalArgumentException e) {
                throw new MacroException("Macro ${" + reference + "} failed: " + e.getMessage());
            }
        }
        if (result == null) {
            if (!ignoreUnknown) {
                throw new MacroException("Macro ${" + reference + "} not found");
            }
            return "${" + reference + "}";
        }
        return result;
    }

    private String callFunction(String name, List<String> argv) {
        if (name.equals("date")) {
            if (argv.size() > 1) {
                throw new IllegalArgumentException("macro does not take arguments");
            }
            ZonedDateTime t = java.time.Instant.ofEpochMilli(epochMillis.getAsLong())
                    .atZone(ZoneOffset.UTC);
            return HTTP_DATE.format(t);
        }
        if (argv.size() == 1) {
            throw new IllegalArgumentException("missing action");
        }
        if (!argv.get(1).equals("repeat")) {
            throw new IllegalArgumentException("unknown action");
        }
        if (argv.size() != 4) {
            throw new IllegalArgumentException("repeat takes 2 arguments");
        }
        long count = parseRepeatCount(argv.get(2));
        return argv.get(3).repeat((int) count);
    }

    /** Parses the count like Varnish's structured-field integer parser. */
    private static long parseRepeatCount(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && text.charAt(i) == '-') {
            negative = true;
            i++;
        }
        int digitsStart = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            throw new IllegalArgumentException("Invalid number");
        }
        if (i - digitsStart > 15) {
            throw new IllegalArgumentException("Too many digits");
        }
        long value = Long.parseLong(text.substring(digitsStart, i));
        if (i != text.length() || negative && value > 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid number of repetitions");
        }
        return value;
    }
}
