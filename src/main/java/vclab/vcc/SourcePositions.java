package vclab.vcc;

/** Line and position of tokens, counted as VCC counts them (TAB to the next 8). */
final class SourcePositions {
    private SourcePositions() {
    }

    static SourcePos of(VclToken t) {
        int[] starts = t.src.lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= t.b) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String s = t.src.text;
        int pos = 0;
        for (int p = starts[lo]; p < t.b; p++) {
            if (s.charAt(p) == '\t') {
                pos &= ~7;
                pos += 8;
            } else {
                pos++;
            }
        }
        return new SourcePos(t.src.name, lo + 1, pos + 1);
    }
}
