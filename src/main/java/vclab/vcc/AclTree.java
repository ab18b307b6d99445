package vclab.vcc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of one ACL in VCC's order, most specific first. Inserting an entry equal to
 * one already there reports a conflict if they differ in negation. In Varnish 8.0 with
 * +fold (the default), an entry contained in a wider one is dropped and two adjacent
 * networks of the same size are merged, each with a warning (vcl_acl_fold).
 */
final class AclTree {
    private static final int LT = -1;
    private static final int GT = 1;
    private static final int CONTAINED = -2;
    private static final int CONTAINS = 2;
    private static final int LEFT = -3;
    private static final int RIGHT = 3;

    private final Compilation tl;
    private final List<Acls.Entry> list = new ArrayList<>();

    AclTree(Compilation tl) {
        this.tl = tl;
    }

    /** The entries for the model, in matching order. */
    List<VclAcl.Entry> entries() {
        List<VclAcl.Entry> out = new ArrayList<>();
        for (Acls.Entry e : list) {
            boolean v6 = e.data[0] == 10;
            byte[] a = Arrays.copyOfRange(e.data, 1, e.data.length);
            out.add(new VclAcl.Entry(e.not, Acls.canonical(a, v6), (int) e.mask - 8, e.text));
        }
        return out;
    }

    /** vcl_acl_cmp of the release: sign orders, the value tells the relation (8.0). */
    private int cmp(Acls.Entry e1, Acls.Entry e2) {
        long m = Math.min(e1.mask, e2.mask);
        boolean v80 = !tl.v71();
        int i = 0;
        for (; m >= 8; m -= 8, i++) {
            int a1 = e1.data[i] & 0xff;
            int a2 = e2.data[i] & 0xff;
            if (v80 && m == 8 && e1.mask == e2.mask) {
                int c = adjacent(a1, a2);
                if (c != 0) {
                    return c;
                }
            }
            if (a1 != a2) {
                return a1 < a2 ? -GT : GT;
            }
        }
        if (m > 0) {
            int a1;
            int a2;
            if (v80) {
                a1 = (e1.data[i] & 0xff) >> (8 - m);
                a2 = (e2.data[i] & 0xff) >> (8 - m);
                if (e1.mask == e2.mask) {
                    int c = adjacent(a1, a2);
                    if (c != 0) {
                        return c;
                    }
                }
            } else {
                int mm = (0xff00 >> m) & 0xff;
                a1 = e1.data[i] & mm;
                a2 = e2.data[i] & mm;
            }
            if (a1 != a2) {
                return a1 < a2 ? -GT : GT;
            }
        } else if (v80 && e1.mask == e2.mask && i < e1.data.length) {
            int c = adjacent(e1.data[i] & 0xff, e2.data[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        if (e2.mask != e1.mask) {
            return e2.mask < e1.mask ? -CONTAINS : CONTAINS;
        }
        return 0;
    }

    private static int adjacent(int a, int b) {
        if ((a | 1) == b) {
            return LEFT;
        }
        if ((b | 1) == a) {
            return RIGHT;
        }
        return 0;
    }

    /** vcc_acl_insert_entry. */
    void insert(Acls.Entry aen, boolean fold) {
        int at = 0;
        while (at < list.size()) {
            int c = cmp(aen, list.get(at));
            if (c == 0) {
                Acls.Entry ae2 = list.get(at);
                if (ae2.not != aen.not) {
                    tl.sb.cat("Conflicting ACL entries:\n");
                    tl.errWhere(ae2.tAddr);
                    tl.sb.cat("vs:\n");
                    tl.errWhere(aen.tAddr);
                }
                return;
            }
            if (c < 0) {
                break;
            }
            at++;
        }
        list.add(at, aen);
        if (!fold) {
            return;
        }
        Acls.Entry r = aen;
        Acls.Entry l = prev(r);
        if (l != null) {
            r = fold(l, r);
        }
        if (r == null) {
            return;
        }
        l = r;
        r = next(l);
        if (r != null) {
            fold(l, r);
        }
    }

    private Acls.Entry prev(Acls.Entry e) {
        int i = list.indexOf(e);
        return i > 0 ? list.get(i - 1) : null;
    }

    private Acls.Entry next(Acls.Entry e) {
        int i = list.indexOf(e);
        return i >= 0 && i + 1 < list.size() ? list.get(i + 1) : null;
    }

    /** vcl_acl_fold; returns what becomes of r (null once it was merged away). */
    private Acls.Entry fold(Acls.Entry l, Acls.Entry r) {
        if (l.not || r.not) {
            return r;
        }
        int c = cmp(l, r);
        if (c == LT) {
            return r;
        }
        do {
            if (c == CONTAINED) {
                tl.sb.cat("ACL entry:\n");
                tl.errWhere(r.tAddr);
                tl.sb.cat("supersedes / removes:\n");
                tl.errWhere(l.tAddr);
                tl.sb.warn();
                list.remove(l);
                l = prev(r);
            } else if (c == LEFT) {
                l.mask--;
                tl.sb.cat("ACL entry:\n");
                tl.errWhere(l.tAddr);
                tl.sb.cat("left of:\n");
                tl.errWhere(r.tAddr);
                tl.sb.cat("removing the latter and expanding mask of the former by one to /")
                        .cat(String.valueOf(l.mask - 8)).cat("\n");
                tl.sb.warn();
                list.remove(r);
                list.remove(l);
                insert(l, true);
                return null;
            } else {
                throw new IllegalStateException("unexpected ACL relation " + c);
            }
            if (l == null || l.not || r.not) {
                break;
            }
            c = cmp(l, r);
        } while (c != LT);
        return r;
    }
}
