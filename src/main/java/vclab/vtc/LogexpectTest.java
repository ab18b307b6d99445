package vclab.vtc;

import java.util.regex.Pattern;

/**
 * One entry of a logexpect specification: {@code expect}, {@code fail add}, {@code fail
 * clear} or {@code abort}.
 */
final class LogexpectTest {
    /** {@code skipMax} of {@code expect *}. */
    static final int ANY = -1;
    /** {@code skipMax} of {@code expect ?}, a member of an unordered group. */
    static final int ALT = -2;
    /** {@code skipMax} of a group member already matched. */
    static final int SEEN = -3;
    /** {@code skipMax} of {@code fail add}. */
    static final int FAIL = -4;
    /** {@code skipMax} of {@code fail clear}. */
    static final int CLEAR = -5;
    /** {@code skipMax} of {@code abort}. */
    static final int ABORT = -6;

    /** {@code vxid} or {@code tag} of {@code *}. */
    static final String ANY_FIELD = "*";
    /** {@code vxid} or {@code tag} of {@code =}: that of the previous match. */
    static final String LAST_FIELD = "=";

    int skipMax;
    final long vxid;
    final boolean vxidAny;
    final boolean vxidLast;
    final String tag;
    final Pattern regex;
    final String text;

    LogexpectTest(int skipMax, String vxidWord, String tag, Pattern regex, String text) {
        this.skipMax = skipMax;
        this.vxidAny = ANY_FIELD.equals(vxidWord);
        this.vxidLast = LAST_FIELD.equals(vxidWord);
        this.vxid = vxidWord == null || vxidAny || vxidLast ? -1 : Long.parseLong(vxidWord);
        this.tag = tag;
        this.regex = regex;
        this.text = text;
    }

    /** Creates a {@code fail clear} entry. */
    static LogexpectTest clear() {
        return new LogexpectTest(CLEAR, null, null, null, "fail clear");
    }

    boolean tagIsConcrete() {
        return tag != null && !tag.equals(ANY_FIELD) && !tag.equals(LAST_FIELD);
    }
}
