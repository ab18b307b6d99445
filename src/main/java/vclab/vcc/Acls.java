package vclab.vcc;

import java.util.List;


/** ACL declarations (vcc_acl.c). */
final class Acls {
    /** One entry as VCC keeps it: family byte, address bytes, mask over both. */
    static final class Entry {
        boolean not;
        boolean para;
        long mask;
        VclToken tAddr;
        VclToken tMask;
        String addr;
        byte[] data;
        String text;
    }

    private final Compilation tl;
    private boolean pedantic;
    private boolean fold;
    /** The entries in VCC's order (its red-black tree), which finds duplicates. */
    private AclTree tree;

    Acls(Compilation tl) {
        this.tl = tl;
    }

    /** vcc_ParseAcl: "acl NAME [+log -pedantic +table] { entries }". */
    void parseAcl() {
        VclToken start = tl.t;
        pedantic = true;
        fold = !tl.v71();
        boolean log = false;
        tree = new AclTree(tl);
        tl.next();
        tl.parser.expectVid("ACL");
        if (tl.sb.err) {
            return;
        }
        Symbol sym = tl.symbols.handleSymbol(VccType.ACL);
        if (tl.sb.err) {
            return;
        }
        while (true) {
            int sign = isFlag();
            if (tl.sb.err) {
                tl.sb.cat("Valid ACL flags are `log` and `table`:\n");
                return;
            }
            if (sign < 0) {
                break;
            }
            if (tl.t.idIs("log")) {
                log = sign > 0;
            } else if (tl.t.idIs("pedantic")) {
                pedantic = sign > 0;
            } else if (!tl.v71() && tl.t.idIs("fold")) {
                fold = sign > 0;
            } else if (tl.t.idIs("table")) {
                // Only changes how VCC generates the matching code.
                tl.next();
                continue;
            } else {
                tl.sb.cat("Unknown ACL flag:\n");
                tl.errWhere(tl.t);
                return;
            }
            tl.next();
        }
        if (!tl.skip(Tok.LBRACE, Site.ACL_LBRACE)) {
            return;
        }
        while (tl.t.tok != Tok.RBRACE) {
            entry();
            if (tl.sb.err || !tl.skip(Tok.SEMI, Site.ACL_SEMI)) {
                return;
            }
        }
        if (!tl.skip(Tok.RBRACE, Site.ACL_RBRACE)) {
            return;
        }
        tl.model.acls.add(new VclAcl(sym.name, log, tree.entries(), tl.pos(start)));
    }

    /** vcc_IsFlag: "+name" or "-name" with no space after the sign. */
    private int isFlag() {
        int r = tl.includes.isFlagRaw(tl.t, tl.peek());
        if (r >= 0) {
            tl.next();
        }
        return r;
    }

    /** vcc_acl_entry: [!] ["("] [!] "address" [/mask] [")"]. */
    private void entry() {
        Entry ae = new Entry();
        VclToken first = tl.t;
        if (tl.t.tok == Tok.BANG) {
            ae.not = true;
            tl.next();
        }
        if (tl.t.tok == Tok.LPAREN) {
            ae.para = true;
            tl.next();
        }
        if (!ae.not && tl.t.tok == Tok.BANG) {
            ae.not = true;
            tl.next();
        }
        if (!tl.expectErr(Tok.CSTR, Site.ACL_ENTRY_STRING)) {
            return;
        }
        ae.tAddr = tl.t;
        ae.addr = tl.t.dec;
        tl.next();
        int slash = ae.addr.indexOf('/');
        if (slash >= 0) {
            String m = ae.addr.substring(slash + 1);
            ae.addr = ae.addr.substring(0, slash);
            if (!m.matches("[0-9]*")) {
                tl.sb.cat(".../mask is not numeric.\n");
                tl.errWhere(ae.tAddr);
                return;
            }
            ae.mask = m.isEmpty() ? 0 : Math.min(Long.parseLong("0" + m), 1L << 32);
            ae.tMask = ae.tAddr;
            if (tl.t.tok == Tok.SLASH) {
                tl.sb.cat("/mask only allowed once.\n");
                tl.errWhere(tl.t);
                return;
            }
        } else if (tl.t.tok == Tok.SLASH) {
            tl.next();
            ae.tMask = tl.t;
            if (!tl.expectErr(Tok.CNUM, Site.ACL_ENTRY_MASK)) {
                return;
            }
            ae.mask = Units.uintVal(tl);
        }
        if (ae.para && !tl.skip(Tok.RPAREN, Site.ACL_ENTRY_RPAREN)) {
            return;
        }
        ae.text = tl.tokenText(first, tl.t);
        if (!netNotation(ae)) {
            if (tl.sb.err) {
                return;
            }
            resolve(ae);
        }
    }

    /** vcc_acl_try_netnotation: "192.168" means 192.168.0.0/16. */
    private boolean netNotation(Entry ae) {
        byte[] b = new byte[4];
        String[] parts = ae.addr.split("\\.", -1);
        int i;
        int n = Math.min(parts.length, 4);
        for (i = 0; i < 4; i++) {
            if (i >= parts.length || !parts[i].matches("[0-9]+")) {
                return false;
            }
            long u = Long.parseLong(parts[i].length() > 10 ? "99999999999" : parts[i]);
            if (u > 255) {
                return false;
            }
            b[i] = (byte) u;
            if (i == parts.length - 1) {
                break;
            }
        }
        if (ae.tMask == null) {
            ae.mask = 8 + 8L * Math.min(i, n);
        }
        addEntry(ae, b, false);
        return true;
    }

    /** vcc_acl_try_getaddrinfo: a name or an address that is not dotted IPv4. */
    private void resolve(Entry ae) {
        List<HostTable.Address> found = HostTable.lookup(ae.addr);
        if (found == null) {
            if (ae.para) {
                tl.sb.cat("Warning: ").cat(ae.addr)
                        .cat(" ignored\n  -- Name or service not known\n");
            } else {
                tl.sb.cat("DNS lookup(").cat(ae.addr).cat("): Name or service not known\n");
                tl.errWhere(ae.tAddr);
            }
            return;
        }
        boolean v4 = found.stream().anyMatch(a -> !a.v6());
        boolean v6 = found.stream().anyMatch(HostTable.Address::v6);
        if (ae.tMask != null && v4 && v6) {
            tl.sb.cat("Mask (/").cat(String.valueOf(ae.mask))
                    .cat(") specified, but string resolves to both IPv4 and IPv6 addresses.\n");
            tl.errWhere(ae.tMask);
            return;
        }
        for (HostTable.Address a : found) {
            if (ae.tMask == null) {
                ae.mask = a.v6() ? 128 : 32;
            }
            addEntry(ae, a.bytes(), a.v6());
            if (tl.sb.err) {
                return;
            }
        }
    }

    /** vcc_acl_add_entry: checks the mask, clears host bits, rejects conflicts. */
    private void addEntry(Entry ae, byte[] addr, boolean v6) {
        int bits = v6 ? 128 : 32;
        if (ae.mask > bits) {
            tl.sb.cat("Too wide mask (/").cat(String.valueOf(ae.mask)).cat(") for ")
                    .cat(v6 ? "IPv6" : "IPv4").cat(" address\n");
            tl.errWhere(!v6 && ae.tMask == null ? ae.tAddr : ae.tMask);
            return;
        }
        byte[] a = addr.clone();
        boolean fixed = false;
        for (int bit = (int) ae.mask; bit < bits; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != 0) {
                fixed = true;
                a[bit / 8] &= (byte) ~mask;
            }
        }
        String canonical = canonical(a, v6);
        if (fixed && pedantic) {
            tl.sb.cat("Non-zero bits in masked part, (maybe use ").cat(canonical).cat("/")
                    .cat(String.valueOf(ae.mask)).cat(" ?)\n");
            tl.errWhere(ae.tAddr);
        }
        Entry aen = new Entry();
        aen.not = ae.not;
        aen.tAddr = ae.tAddr;
        aen.text = ae.text;
        aen.mask = ae.mask + 8;
        aen.data = new byte[a.length + 1];
        aen.data[0] = (byte) (v6 ? 10 : 2);
        System.arraycopy(a, 0, aen.data, 1, a.length);
        tree.insert(aen, fold);
    }

    static String canonical(byte[] a, boolean v6) {
        if (!v6) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "."
                    + (a[3] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
        }
        return HostTable.compress(sb.toString());
    }
}
