package vclab.cli;

import java.util.List;

/**
 * {@code param.show} in its plain, long and JSON forms. Each parameter's value is printed by
 * its parameter function, which can move the bounds of dependent parameters as a side effect,
 * as in varnishd.
 */
final class ParamShow {
    private static final int MARGIN = 8;
    private static final int WRAP_AT = 72;
    private static final int TAB_MARGIN = 3;
    private static final String INDENT = "        ";
    private static final String TIMEOUT_NOTE =
            "NB: This parameter can be disabled with the value \"never\".";

    private final ParamStore store;
    private final CliOutput out;

    ParamShow(ParamStore store, CliOutput out) {
        this.store = store;
        this.out = out;
    }

    /** {@code param.show [-l] [<param>|changed]}; args are the words after the command. */
    void plain(List<String> args) {
        boolean longForm = false;
        boolean changed = false;
        String only = null;
        for (String arg : args) {
            if (arg.equals("-l")) {
                longForm = true;
            } else if (arg.equals("changed")) {
                changed = true;
            } else if (only != null) {
                out.setStatus(CliStatus.TOOMANY);
                out.print("Too many parameters");
                return;
            } else {
                only = arg;
                longForm = true;
            }
        }
        int matched = 0;
        for (ParamState listed : store.states()) {
            if (longForm && only != null && !listed.name().equals(only)) {
                continue;
            }
            ParamState state = displayed(listed, only);
            if (state == null) {
                continue;
            }
            matched++;
            String value = value(state, false);
            if (changed && state.def != null && state.def.equals(value)) {
                continue;
            }
            entry(listed, state, value, longForm);
        }
        if (only != null && matched == 0) {
            out.setStatus(CliStatus.PARAM);
            out.print("Unknown parameter \"" + only + "\".");
        }
    }

    /**
     * Returns the state to display for a listed parameter, or null to skip it. Aliases appear
     * only when requested by name, and trunk then shows the original parameter under its name.
     */
    private ParamState displayed(ParamState listed, String only) {
        if (!listed.spec.isAlias()) {
            return listed;
        }
        if (only == null || !listed.name().equals(only)) {
            return null;
        }
        return store.dialect() == Dialect.TRUNK ? store.target(listed) : listed;
    }

    /** Prints the value into a string; a 7.1 alias prints the original's value. */
    private String value(ParamState state, boolean json) {
        StringBuilder vsb = new StringBuilder();
        ParamState target = store.target(state);
        ParamTweaks.tweak(store, target, target.name(), null, json, vsb);
        return vsb.toString();
    }

    private void entry(ParamState listed, ParamState state, String value, boolean longForm) {
        boolean notImplemented = state.has(ParamFlag.NOT_IMPLEMENTED);
        if (longForm) {
            out.print(state.name() + "\n");
            out.print(INDENT + (notImplemented ? "Not available" : "Value is: "));
        } else {
            String name = CFormat.padRight(state.name(), store.table().nameColumnWidth());
            out.print(notImplemented ? name + "-" : name);
        }
        if (!notImplemented) {
            out.print(value);
            if (state.spec.hasUnits()) {
                out.print(" [" + state.spec.units() + "]");
            }
            if (state.def != null && state.def.equals(value)) {
                out.print(" (default)");
            }
        }
        out.print("\n");
        if (!longForm) {
            return;
        }
        if (state.spec.isAlias()) {
            out.print(INDENT + "Alias of: " + listed.spec.aliasOf() + "\n");
        }
        if (notImplemented) {
            out.print("\n");
            wrap("\n\n" + ParamFlag.NOT_IMPLEMENTED.note(store.dialect()));
            out.print("\n\n");
            return;
        }
        details(state, value);
    }

    private void details(ParamState state, String value) {
        if (state.def != null && !state.def.equals(value)) {
            out.print(INDENT + "Default is: " + state.def + "\n");
        }
        if (state.min != null) {
            out.print(INDENT + "Minimum is: " + state.min + "\n");
        }
        if (state.max != null) {
            out.print(INDENT + "Maximum is: " + state.max + "\n");
        }
        out.print("\n");
        wrap(state.spec.description());
        if (store.dialect() == Dialect.TRUNK && state.spec.type().equals("timeout")) {
            wrap("\n\n" + TIMEOUT_NOTE);
        }
        for (ParamFlag flag : ParamFlag.values()) {
            String note = flag.note(store.dialect());
            if (flag.jsonName() != null && note != null && state.has(flag)) {
                wrap("\n\n" + note);
            }
        }
        out.print("\n\n");
    }

    /**
     * Word-wraps a text as mcf_wrap does: every line indented 8 columns, words added while the
     * line stays below column 72. Lines with TABs are two-column tables whose first column is
     * as wide as the widest first cell plus two, at least 20.
     */
    private void wrap(String text) {
        int tabWidth = 0;
        if (text.indexOf('\t') >= 0) {
            int p = 0;
            while (true) {
                int q = text.indexOf("\n\t", p);
                if (q < 0) {
                    break;
                }
                q += 2;
                int r = text.indexOf('\t', q);
                if (r < 0) {
                    throw new IllegalStateException("parameter text line with one TAB: " + text);
                }
                tabWidth = Math.max(tabWidth, r - q);
                p = q;
            }
            tabWidth = Math.max(20, tabWidth + 2);
        }
        int p = 0;
        while (p < text.length()) {
            if (text.charAt(p) == '\n') {
                out.print("\n");
                p++;
                continue;
            }
            int q = text.indexOf('\n', p);
            if (q < 0) {
                q = text.length();
            }
            wrapLine(text, p, q, tabWidth, MARGIN);
            p = q;
        }
    }

    private void wrapLine(String text, int from, int to, int tabWidth, int margin) {
        int column = margin;
        int tabs = 0;
        out.print(CFormat.spaces(margin));
        int b = from;
        while (b < to) {
            char c = text.charAt(b);
            if (!ParamNumbers.isCSpace(c)) {
                out.print(String.valueOf(c));
                b++;
                column++;
            } else if (c == '\t') {
                if (tabWidth == 0 || tabs >= 2) {
                    throw new IllegalStateException("unexpected TAB in parameter text: " + text);
                }
                do {
                    out.print(" ");
                    column++;
                } while (column % tabWidth != (margin + TAB_MARGIN) % tabWidth);
                b++;
                tabs++;
            } else {
                int w = b + 1;
                while (w < to && !ParamNumbers.isCSpace(text.charAt(w))) {
                    w++;
                }
                if (column + (w - b) < WRAP_AT) {
                    out.print(text.substring(b, w));
                    column += w - b;
                    b = w;
                } else {
                    if (tabs == 1) {
                        throw new IllegalStateException("parameter text wraps inside a table"
                                + " cell: " + text);
                    }
                    out.print("\n");
                    int next = tabs > 0 ? margin + TAB_MARGIN + tabWidth : margin;
                    wrapLine(text, b + 1, to, 0, next);
                    return;
                }
            }
        }
    }

    /** {@code param.show -j [<param>|changed]}; args are the words after the command. */
    void json(List<String> argv, double now) {
        boolean changed = false;
        String only = null;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-l")) {
                out.setStatus(CliStatus.PARAM);
                out.print("-l not permitted with param.show -j");
                return;
            }
            if (arg.equals("changed")) {
                changed = true;
            } else if (!arg.equals("-j")) {
                if (only != null) {
                    out.setStatus(CliStatus.TOOMANY);
                    out.print("Too many parameters");
                    return;
                }
                only = arg;
            }
        }
        out.jsonBegin(2, argv, now);
        out.print(",\n");
        int matched = 0;
        boolean comma = false;
        for (ParamState listed : store.states()) {
            if (only != null && !listed.name().equals(only)) {
                continue;
            }
            ParamState state = displayed(listed, only);
            if (state == null) {
                continue;
            }
            matched++;
            String json = value(state, true);
            String plain = value(state, false);
            if (changed && state.def != null && state.def.equals(plain)) {
                continue;
            }
            out.print(comma ? ",\n" : "");
            comma = true;
            jsonEntry(listed, state, json);
        }
        out.jsonEnd();
        if (only != null && matched == 0) {
            out.clear();
            out.setStatus(CliStatus.PARAM);
            out.print("Unknown parameter \"" + only + "\".");
        }
    }

    private void jsonEntry(ParamState listed, ParamState state, String value) {
        out.print("{\n");
        out.indent(2);

        keyValue("name", state.name());
        if (state.spec.isAlias()) {
            keyValue("alias", listed.spec.aliasOf());
        }
        if (state.has(ParamFlag.NOT_IMPLEMENTED)) {
            out.print("\"implemented\": false\n");
            out.indent(-2);
            out.print("}");
            return;
        }

        out.print("\"implemented\": true,\n");
        out.print("\"value\": " + value + ",\n");
        if (state.spec.hasUnits()) {
            keyValue("units", state.spec.units());
        }
        if (state.def != null) {
            keyValue("default", state.def);
        }
        if (state.min != null) {
            keyValue("minimum", state.min);
        }
        if (state.max != null) {
            keyValue("maximum", state.max);
        }
        keyValue("description", state.spec.description());
        jsonFlags(state);

        out.indent(-2);
        out.print("}");
    }

    private void jsonFlags(ParamState state) {
        out.print("\"flags\": [");
        out.indent(2);
        String separator = "";
        for (ParamFlag flag : ParamFlag.values()) {
            if (flag.jsonName() != null && state.has(flag)) {
                out.print(separator + "\n");
                out.print("\"" + flag.jsonName() + "\"");
                separator = ",";
            }
        }
        if (state.hasAnyFlag()) {
            out.print("\n");
        }
        out.indent(-2);
        out.print("]\n");
    }

    private void keyValue(String key, String value) {
        out.print("\"" + key + "\": ");
        out.jsonString(value);
        out.print(",\n");
    }
}
