package vclab.vcc;

/**
 * VCC's vcc_regexp: a constant regular expression made of string literals joined with '+',
 * checked like PCRE2 checks it. {@link PcreSyntax} finds the common PCRE2 compile errors
 * with PCRE2's messages.
 */
final class Regexes {
    private Regexes() {
    }

    /**
     * Reads the regular expression at the current CSTR token, leaving the current token on
     * its last string; returns null after reporting an error.
     */
    static String compile(Compilation tl) {
        VclToken t0 = tl.t;
        StringBuilder pattern = new StringBuilder(tl.t.dec);
        VclToken t1 = tl.peek();
        while (t1.tok == Tok.PLUS) {
            tl.next();
            if (!tl.skip(Tok.PLUS, Site.CSTRCAT_PLUS)) {
                return null;
            }
            if (!tl.expectErr(Tok.CSTR, Site.CSTRCAT_STRING)) {
                return null;
            }
            pattern.append(tl.t.dec);
            t1 = tl.peek();
        }
        String error = PcreSyntax.check(pattern.toString());
        if (error != null) {
            tl.sb.cat("Regexp compilation error:\n\n").cat(error).cat("\n\n");
            tl.errWhere2(t0, tl.t);
            return null;
        }
        return pattern.toString();
    }
}
