package vclab.vcc;

/**
 * The text VCC writes for a failed (or warned) compilation, and the routines that quote
 * source lines under it (vcc_token.c). A TAB advances the position to the next multiple of
 * 8, both in "Pos" and in the quoted line, where it becomes spaces.
 */
final class ErrorBuffer {
    private final StringBuilder sb = new StringBuilder();
    /** The line of vcc_ErrWhere2's assertion in the release's vcc_token.c. */
    private final int errWhere2Line;
    /** VCC's tl->err: set by every error report, cleared by {@link #warn()}. */
    boolean err;

    ErrorBuffer(int errWhere2Line) {
        this.errWhere2Line = errWhere2Line;
    }

    ErrorBuffer cat(String s) {
        sb.append(s);
        return this;
    }

    ErrorBuffer cat(char c) {
        sb.append(c);
        return this;
    }

    String text() {
        return sb.toString();
    }

    boolean isEmpty() {
        return sb.length() == 0;
    }

    /** Appends a token as VCC names it in messages: quoted text, or a word for EOI and C{. */
    void errToken(VclToken t) {
        if (t.tok == Tok.EOI) {
            sb.append("end of input");
        } else if (t.tok == Tok.CSRC) {
            sb.append("C{ ... }C");
        } else {
            sb.append('\'').append(t.text()).append('\'');
        }
    }

    /** Turns the error just reported into a warning, as vcc_Warn does. */
    void warn() {
        sb.append("(That was just a warning)\n");
        err = false;
    }

    /** Appends "('name' Line N Pos P)" for the first character of the token. */
    void coord(VclToken t) {
        icoord(t, 0);
    }

    /**
     * Appends the coordinate of the first character of the token (tail 0), or of its last
     * character with the source name (tail 1) or without it (tail 2).
     */
    private void icoord(VclToken t, int tail) {
        String s = t.src.text;
        int x = tail != 0 ? t.e - 1 : t.b;
        int lin = 1;
        int pos = 0;
        for (int p = 0; p < x; p++) {
            char c = s.charAt(p);
            if (c == '\n') {
                lin++;
                pos = 0;
            } else if (c == '\t') {
                pos &= ~7;
                pos += 8;
            } else {
                pos++;
            }
        }
        sb.append('(');
        if (tail < 2) {
            sb.append('\'').append(t.src.name).append("' Line ").append(lin).append(' ');
        }
        sb.append("Pos ").append(pos + 1).append(')');
    }

    /** Returns the offset of the line with the token's first (or last) character. */
    private static int lineStart(VclToken t, boolean tail) {
        String s = t.src.text;
        int x = tail ? t.e - 1 : t.b;
        int ll = 0;
        for (int p = 0; p < x; p++) {
            if (s.charAt(p) == '\n') {
                ll = p + 1;
            }
        }
        return ll;
    }

    /** Appends one source line with TABs expanded to spaces. */
    private void quoteLine(String s, int l) {
        int x = 0;
        int y = 0;
        for (int p = l; p < s.length() && s.charAt(p) != '\n'; p++) {
            char c = s.charAt(p);
            if (c == '\t') {
                y &= ~7;
                y += 8;
                while (x < y) {
                    sb.append(' ');
                    x++;
                }
            } else {
                x++;
                y++;
                sb.append(c);
            }
        }
        sb.append('\n');
    }

    /** Appends the marker line: '#' under the characters in [b, e), '-' under the rest. */
    private void markLine(String s, int l, int b, int e) {
        int x = 0;
        int y = 0;
        for (int p = l; p < s.length() && s.charAt(p) != '\n'; p++) {
            char c = p >= b && p < e ? '#' : '-';
            if (s.charAt(p) == '\t') {
                y &= ~7;
                y += 8;
            } else {
                y++;
            }
            while (x < y) {
                sb.append(c);
                x++;
            }
        }
        sb.append('\n');
    }

    /** vcc_ErrWhere: the token's coordinate, its line and a marker under it. */
    void errWhere(VclToken t) {
        int l1 = lineStart(t, false);
        icoord(t, 0);
        sb.append('\n');
        quoteLine(t.src.text, l1);
        markLine(t.src.text, l1, t.b, t.e);
        sb.append('\n');
        err = true;
    }

    /**
     * vcc_ErrWhere2: marks the range from token t to token last, the token before VCC's
     * second argument. Callers pass that previous token themselves.
     */
    void errWhere2(VclToken t, VclToken last) {
        if (t == null) {
            errWhere(last);
            return;
        }
        String s = t.src.text;
        int l1 = lineStart(t, false);
        int l2 = lineStart(last, true);
        boolean sameSource = t.src == last.src;
        if (sameSource && l1 == l2) {
            icoord(t, 0);
            sb.append(" -- ");
            icoord(last, 2);
            sb.append('\n');
            quoteLine(s, l1);
            markLine(s, l1, t.b, last.e);
        } else {
            int l3 = s.indexOf('\n', l1);
            if (l3 < 0) {
                // VCC asserts that the first line ends, which fails when a range runs from
                // an unterminated last line of one source into the next source.
                throw new VccAssertion("vcc_ErrWhere2", "vcc_token.c", errWhere2Line,
                        "(l3) != 0");
            }
            boolean adjacent = sameSource && l3 >= 0 && l3 + 1 == l2;
            icoord(t, 0);
            if (adjacent) {
                sb.append(" -- ");
                icoord(last, 1);
            }
            sb.append('\n');
            quoteLine(s, l1);
            markLine(s, l1, t.b, sameSource ? last.e : s.length());
            if (!adjacent) {
                sb.append("[...]\n");
                icoord(last, 1);
                sb.append('\n');
            }
            // NOTE: VCC compares raw pointers when the range spans two sources; this marks
            // the second line from its start instead.
            quoteLine(last.src.text, l2);
            markLine(last.src.text, l2, sameSource ? t.b : 0, last.e);
        }
        sb.append('\n');
        err = true;
    }
}
