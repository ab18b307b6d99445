package vclab.vtc;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.VslRecord;

/**
 * The matching state of one logexpect run, after varnishtest's: a cursor on the entries, a
 * skip counter, the last matched vxid and tag, and the active fail list.
 */
final class Logexpect {
    /** The result of offering a record to an entry. */
    enum Match { OK, SKIP, FAIL }

    private final VtcContext ctx;
    private final String id;
    private final List<LogexpectTest> tests;
    private final boolean mArg;
    private final List<LogexpectTest> failList = new ArrayList<>();
    private int cursor = -1;
    private int skipCount;
    private long vxidLast = -1;
    private String tagLast;

    Logexpect(VtcContext ctx, String id, List<LogexpectTest> tests, boolean mArg) {
        this.ctx = ctx;
        this.id = id;
        this.tests = tests;
        this.mArg = mArg;
    }

    /** Moves to the first entry; logs the fail-list changes and the first expectation. */
    void begin() {
        for (LogexpectTest t : tests) {
            if (t.skipMax == LogexpectTest.SEEN) {
                t.skipMax = LogexpectTest.ALT;
            }
        }
        failList.clear();
        cursor = 0;
        settle();
    }

    boolean isDone() {
        return failList.isEmpty() && current() == null;
    }

    private LogexpectTest current() {
        return cursor >= 0 && cursor < tests.size() ? tests.get(cursor) : null;
    }

    /** Advances past the entry just matched, unless it is a group member. */
    private void advance() {
        LogexpectTest t = current();
        if (t != null && t.skipMax != LogexpectTest.ALT) {
            cursor++;
        }
        settle();
    }

    /** Applies fail-list entries at the cursor and stops at the next expectation. */
    private void settle() {
        while (current() != null) {
            LogexpectTest t = current();
            switch (t.skipMax) {
                case LogexpectTest.SEEN -> cursor++;
                case LogexpectTest.CLEAR -> {
                    ctx.log(3, id, "cond | fail clear");
                    failList.clear();
                    cursor++;
                }
                case LogexpectTest.FAIL -> {
                    ctx.log(3, id, "cond | " + t.text);
                    failList.add(t);
                    cursor++;
                }
                case LogexpectTest.ABORT -> throw ctx.fail(id,
                        "abort: logexpect aborted the test run");
                default -> {
                    ctx.log(3, id, "test | " + t.text);
                    return;
                }
            }
        }
    }

    /**
     * Offers one record.
     *
     * @return FAIL if the logexpect failed, OK when it is done, SKIP to go on
     */
    Match offer(VslRecord r) {
        if (!failList.isEmpty()) {
            for (LogexpectTest t : failList) {
                if (match(t, r) == Match.OK) {
                    return Match.FAIL;
                }
            }
        }
        LogexpectTest t = current();
        if (t == null) {
            return Match.SKIP;
        }
        Match m = match(t, r);
        if (m == Match.FAIL) {
            return m;
        }
        if (m == Match.SKIP) {
            skipCount++;
            return Match.SKIP;
        }
        vxidLast = r.vxid();
        tagLast = r.tag();
        skipCount = 0;
        advance();
        return isDone() ? Match.OK : Match.SKIP;
    }

    private Match match(LogexpectTest t, VslRecord r) {
        boolean ok = true;
        boolean vxidOk = false;
        if (t.vxidLast) {
            ok = vxidLast == r.vxid();
            vxidOk = ok;
        } else if (!t.vxidAny) {
            ok = t.vxid == r.vxid();
            vxidOk = ok;
        }
        if (LogexpectTest.LAST_FIELD.equals(t.tag)) {
            ok &= r.tag().equals(tagLast);
        } else if (t.tagIsConcrete()) {
            ok &= t.tag.equals(r.tag());
        }
        if (t.regex != null && t.tagIsConcrete() && t.tag.equals(r.tag())
                && !t.regex.matcher(r.payload()).find()) {
            ok = false;
        }
        boolean alt = t.skipMax == LogexpectTest.ALT;
        boolean fail = t.skipMax == LogexpectTest.FAIL;
        boolean skip = !ok && !alt && (t.skipMax == LogexpectTest.ANY || t.skipMax > skipCount);
        if (skip && vxidOk && r.tag().equals("End")) {
            fail = true;
        }
        String legend = legend(ok, skip, alt, fail);
        if (legend != null) {
            ctx.log(4, id, String.format("%-5s| %10d %-15s %c %s", legend, r.vxid(), r.tag(),
                    r.type(), r.payload()));
        }
        if (ok) {
            if (alt) {
                t.skipMax = LogexpectTest.SEEN;
            }
            return Match.OK;
        }
        if (alt) {
            LogexpectTest other = nextAlternative(t);
            if (other == null) {
                return Match.FAIL;
            }
            ctx.log(3, id, "alt  | " + other.text);
            return match(other, r);
        }
        return skip && !fail ? Match.SKIP : Match.FAIL;
    }

    private String legend(boolean ok, boolean skip, boolean alt, boolean fail) {
        if (fail) {
            if (ok) {
                return "fail";
            }
            if (skip) {
                return "end";
            }
            return mArg ? "fmiss" : null;
        }
        if (ok) {
            return "match";
        }
        if (skip && mArg) {
            return "miss";
        }
        if (skip || alt) {
            return null;
        }
        return "err";
    }

    /** Returns the next unmatched member of the group after {@code t}, or null. */
    private LogexpectTest nextAlternative(LogexpectTest t) {
        int i = tests.indexOf(t) + 1;
        while (i < tests.size() && tests.get(i).skipMax == LogexpectTest.SEEN) {
            i++;
        }
        if (i >= tests.size() || tests.get(i).skipMax != LogexpectTest.ALT) {
            return null;
        }
        return tests.get(i);
    }
}
