package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of VCC's symbol tree: a name component ("req", "http", "X-Foo") with the
 * symbols of that full name and the child components, kept in VCC's case-insensitive order.
 */
final class SymTab {
    final String name;
    final SymTab parent;
    final List<SymTab> children = new ArrayList<>();
    final List<Symbol> symbols = new ArrayList<>();

    SymTab(String name, SymTab parent) {
        this.name = name;
        this.parent = parent;
    }

    /**
     * Finds or inserts the child named {@code s[b, e)}. Children are compared like
     * strncasecmp over the new name's length, so a name sorts before its extensions.
     */
    SymTab child(String s, int b, int e) {
        int l = e - b;
        for (int i = 0; i < children.size(); i++) {
            SymTab c = children.get(i);
            int cmp = compareIgnoreCase(c.name, s, b, l);
            if (cmp < 0) {
                continue;
            }
            if (cmp == 0 && l == c.name.length()) {
                return c;
            }
            SymTab n = new SymTab(s.substring(b, e), this);
            children.add(i, n);
            return n;
        }
        SymTab n = new SymTab(s.substring(b, e), this);
        children.add(n);
        return n;
    }

    /** strncasecmp(a, s + b, l) with C's end-of-string handling. */
    private static int compareIgnoreCase(String a, String s, int b, int l) {
        for (int i = 0; i < l; i++) {
            int ca = i < a.length() ? lower(a.charAt(i)) : 0;
            int cb = lower(s.charAt(b + i));
            if (ca != cb) {
                return ca - cb;
            }
            if (ca == 0) {
                return 0;
            }
        }
        return 0;
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** The dotted name from the root, as VCC_SymName prints it. */
    String fullName() {
        if (parent != null && parent.parent != null) {
            return parent.fullName() + "." + name;
        }
        return name;
    }
}
