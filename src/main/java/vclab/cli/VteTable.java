package vclab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the tab-separated listings of {@code vcl.list}, {@code vcl.deps} and
 * {@code backend.list} in aligned columns for an 80-column screen, with the algorithm of the
 * dialect's release (7.1's VCLI_VTE, or trunk's VTE). Both are reproduced step for step,
 * including their behaviour on odd input, because the output is compared byte for byte.
 *
 * <p>Input: lines of fields separated by TAB and ended by LF. A line whose first byte is a
 * space is free text, copied as is and ignored for the widths. In trunk, a field that starts
 * with a vertical tab (0x0B) is right-aligned. The gap between columns is
 * {@code (80 - longest line) / number of columns}, kept within 1..3.
 */
public final class VteTable {
    /** The screen width varnishd lays tables out for. */
    public static final int WIDTH = 80;

    private static final int MAX_COLUMNS_7_1 = 10;
    private static final int MIN_GAP = 1;
    private static final int MAX_GAP = 3;

    private VteTable() {
    }

    /**
     * Writes the laid-out table with the same writes varnishd makes, so that {@code cli_limit}
     * cuts it where varnishd would.
     *
     * @param maxFields the most fields a line may have (trunk: vcl.list 7, backend.list 5,
     *     vcl.deps 2; 7.1 allows 9 TABs per line whatever the caller)
     * @throws IllegalStateException where varnishd fails an assertion (too many fields)
     */
    public static void print(CliOutput out, Dialect dialect, String table, int maxFields) {
        for (String write : writes(dialect, table, maxFields)) {
            out.print(write);
        }
    }

    /** The laid-out table as one string. */
    public static String render(Dialect dialect, String table, int maxFields) {
        return String.join("", writes(dialect, table, maxFields));
    }

    /**
     * The busy column of {@code vcl.list}: the worker's reference count, or null when the
     * manager answers without a worker. 7.1 pads it to six characters; trunk marks the
     * worker's count for right alignment and prints a plain {@code -} from the manager.
     */
    public static String busyField(Dialect dialect, Integer busy) {
        if (dialect == Dialect.V7_1) {
            return CFormat.padLeft(busy == null ? "-" : Integer.toUnsignedString(busy), 6);
        }
        return busy == null ? "-" : "\u000b" + Integer.toUnsignedString(busy);
    }

    static List<String> writes(Dialect dialect, String table, int maxFields) {
        return writes(dialect, table, maxFields, WIDTH);
    }

    static List<String> writes(Dialect dialect, String table, int maxFields, int width) {
        return dialect == Dialect.V7_1
                ? writes71(table, width)
                : new Trunk(table, maxFields, width).writes();
    }

    /** 7.1: TABs count as one character of the field they start; one write per byte. */
    static List<String> writes71(String s, int width) {
        List<String> writes = new ArrayList<>();
        int n = s.length();
        if (n == 0) {
            return writes;
        }
        int[] columnWidth = new int[MAX_COLUMNS_7_1];
        int columns = 0;
        int longestLine = 0;
        int cc = 0;
        int wc = 0;
        int wl = 0;
        for (int p = 0; p < n; p++) {
            char c = s.charAt(p);
            if (wl == 0 && c == ' ') {
                while (p + 1 < n && s.charAt(p) != '\n') {
                    p++;
                }
                continue;
            }
            if (c == '\t' || c == '\n') {
                columnWidth[cc] = Math.max(columnWidth[cc], wc);
                cc++;
                if (cc >= MAX_COLUMNS_7_1) {
                    throw new IllegalStateException("VCLI_VTE: more than "
                            + (MAX_COLUMNS_7_1 - 1) + " TABs on a line");
                }
                wc = 0;
            }
            if (c == '\n') {
                columns = Math.max(columns, cc);
                longestLine = Math.max(longestLine, wl);
                cc = 0;
                wc = 0;
                wl = 0;
            } else {
                wc++;
                wl++;
            }
        }
        if (columns == 0) {
            return writes;
        }
        int gap = clampGap((width - longestLine) / columns);
        layout71(s, columnWidth, gap, writes);
        return writes;
    }

    private static void layout71(String s, int[] columnWidth, int gap, List<String> writes) {
        int n = s.length();
        int cc = 0;
        int wc = 0;
        for (int p = 0; p < n; p++) {
            char c = s.charAt(p);
            if (wc == 0 && cc == 0 && c == ' ') {
                // A free-text line; the last byte of the input is not written.
                while (p + 1 < n) {
                    writes.add(String.valueOf(s.charAt(p)));
                    if (s.charAt(p) == '\n') {
                        break;
                    }
                    p++;
                }
                continue;
            }
            if (c == '\t') {
                while (wc++ < columnWidth[cc] + gap) {
                    writes.add(" ");
                }
                cc++;
                wc = 0;
            } else if (c == '\n') {
                writes.add("\n");
                cc = 0;
                wc = 0;
            } else {
                writes.add(String.valueOf(c));
                wc++;
            }
        }
    }

    private static int clampGap(int gap) {
        return Math.max(MIN_GAP, Math.min(MAX_GAP, gap));
    }

    /** Trunk's VTE: plain field widths, right-aligned {@code \v} fields, chunked writes. */
    private static final class Trunk {
        private final String s;
        private final int n;
        private final int maxFields;
        private final int width;
        private final int[] fieldWidth;
        private int fieldCount;
        private int longestLine;

        Trunk(String s, int maxFields, int width) {
            this.s = s;
            this.n = s.length();
            this.maxFields = maxFields;
            this.width = width;
            this.fieldWidth = new int[maxFields];
        }

        private char at(int p) {
            return p < n ? s.charAt(p) : '\0';
        }

        List<String> writes() {
            measure();
            List<String> writes = new ArrayList<>();
            format(writes);
            return writes;
        }

        /** The widths pass (vte_update over the whole input). */
        private void measure() {
            int fieldOffset = 0;
            int fieldSize = 0;
            int lineSize = 0;
            for (int p = 0; p < n; p++) {
                if (fieldOffset < 0) {
                    while (p < n && s.charAt(p) != '\n') {
                        p++;
                    }
                }
                char c = at(p);
                if (lineSize == 0 && c == ' ') {
                    fieldOffset = -1;
                    continue;
                }
                if (fieldOffset >= 0 && fieldSize == 0 && c == '\u000b') {
                    p++;
                    c = at(p);
                }
                if (c == '\t' || c == '\n') {
                    int fno = fieldOffset;
                    if (fno >= 0 && fieldSize > fieldWidth[fno]) {
                        fieldWidth[fno] = fieldSize;
                    }
                    fno++;
                    if (fno > maxFields || (c == '\t' && fno == maxFields)) {
                        throw new IllegalStateException("VTE: more than " + maxFields
                                + " fields on a line");
                    }
                    fieldOffset = fno;
                    fieldSize = 0;
                }
                if (c == '\n') {
                    fieldCount = Math.max(fieldCount, fieldOffset);
                    longestLine = Math.max(longestLine, lineSize);
                    fieldOffset = 0;
                    fieldSize = 0;
                    lineSize = 0;
                } else if (c != '\t') {
                    fieldSize++;
                    lineSize++;
                }
            }
        }

        /** The output pass (VTE_format); a line's last field is written with the next line. */
        private void format(List<String> writes) {
            boolean noColumns = fieldCount == 0;
            int gap = noColumns ? 0 : clampGap((width - longestLine) / fieldCount);
            int p = 0;
            int q = 0;
            int fno = 0;
            String sep = "";
            boolean rightAlign = false;
            while (p < n) {
                if (s.charAt(p) == '\u000b') {
                    if (p > q) {
                        writes.add(s.substring(q, p - 1) + sep);
                    }
                    q = ++p;
                    rightAlign = true;
                }
                int fsz = (!rightAlign && fno == 0 && at(p) == ' ')
                        ? span(p, "\n") : span(p, "\t\n");
                p += fsz;
                char c = at(p);
                if (c == '\t') {
                    if (noColumns || fno >= maxFields || fieldWidth[fno] + gap <= fsz) {
                        throw new IllegalStateException("VTE_format: field " + fno
                                + " wider than its column");
                    }
                    if (rightAlign) {
                        writes.add(CFormat.spaces(Math.abs(fieldWidth[fno] - fsz))
                                + s.substring(q, p) + CFormat.spaces(gap));
                        rightAlign = false;
                    } else {
                        writes.add(s.substring(q, p)
                                + CFormat.spaces(fieldWidth[fno] + gap - fsz));
                    }
                    fno++;
                    q = ++p;
                    sep = "";
                } else if (c == '\n') {
                    fno = 0;
                    p++;
                    sep = "\n";
                }
            }
            if (q < p) {
                writes.add(s.substring(q));
            }
        }

        private int span(int from, String stops) {
            int p = from;
            while (p < n && stops.indexOf(s.charAt(p)) < 0) {
                p++;
            }
            return p - from;
        }
    }
}
