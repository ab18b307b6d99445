package vclab.vcc;

/** Numbers with units and plain numbers in declarations (vcc_utils.c, vnum.c). */
final class Units {
    private Units() {
    }

    /** VNUM_duration_unit: seconds per unit, or NaN for an unknown unit. */
    static double scale(String unit) {
        switch (unit) {
            case "s":
                return 1.0;
            case "ms":
                return 1e-3;
            case "m":
                return 60.0;
            case "h":
                return 3600.0;
            case "d":
                return 86400.0;
            case "w":
                return 604800.0;
            case "y":
                return 31536000.0;
            default:
                return Double.NaN;
        }
    }

    /** vcc_DurationUnit: the unit at the current ID token. */
    static double durationUnit(Compilation tl) {
        double sc = scale(tl.t.text());
        if (!Double.isNaN(sc)) {
            tl.next();
            return sc;
        }
        tl.sb.cat("Unknown duration unit ");
        tl.errToken(tl.t);
        tl.sb.cat("\nLegal duration units are 'ms', 's', 'm', 'h', 'd', 'w' and 'y'\n");
        tl.errWhere(tl.t);
        return 1.0;
    }

    /** vcc_UintVal: a CNUM. */
    static long uintVal(Compilation tl) {
        if (tl.t.tok != Tok.CNUM) {
            tl.expect(Tok.CNUM, Site.UINT_CNUM);
            return 0;
        }
        long v = Math.round(tl.t.num);
        tl.next();
        return v;
    }

    private static double doubleVal(Compilation tl) {
        if (tl.t.tok != Tok.CNUM && tl.t.tok != Tok.FNUM) {
            tl.expect(Tok.CNUM, Site.DOUBLE_CNUM);
            return 0;
        }
        double v = tl.t.num;
        tl.next();
        return v;
    }

    /** vcc_Duration: a number and a unit, in seconds. */
    static double duration(Compilation tl) {
        double v = doubleVal(tl);
        if (tl.sb.err) {
            return 0;
        }
        if (!tl.expectErr(Tok.ID, Site.DURATION_UNIT_ID)) {
            return 0;
        }
        return v * durationUnit(tl);
    }

    /** vcc_BoolVal (Varnish 8.0): "true" or "false". */
    static boolean boolVal(Compilation tl) {
        if (tl.t.tok != Tok.ID) {
            tl.sb.cat("Expected \"true\" or \"false\"\n");
            tl.errWhere(tl.t);
            return false;
        }
        Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.NONE, Symbols.Mode.NOERR,
                Symbols.Xref.NONE);
        if (sym == null || sym.type != VccType.BOOL) {
            tl.sb.cat("Expected \"true\" or \"false\"\n");
            tl.errWhere(tl.t);
            return false;
        }
        return sym.evalPriv != null;
    }

    /** vcc_ByteVal: a number and a bytes unit. */
    static long byteVal(Compilation tl) {
        if (tl.t.tok != Tok.CNUM && tl.t.tok != Tok.FNUM) {
            tl.expect(Tok.CNUM, Site.BYTES_CNUM);
            return 0;
        }
        double v = tl.t.num;
        tl.next();
        if (tl.t.tok != Tok.ID) {
            tl.sb.cat("Expected BYTES unit (B, KB, MB...) got ");
            tl.errToken(tl.t);
            tl.sb.cat("\n");
            tl.errWhere(tl.t);
            return 0;
        }
        String u = tl.t.text();
        double sc;
        int i = 0;
        char c = u.charAt(0);
        switch (Character.toLowerCase(c)) {
            case 'k':
                sc = 1L << 10;
                i++;
                break;
            case 'm':
                sc = 1L << 20;
                i++;
                break;
            case 'g':
                sc = 1L << 30;
                i++;
                break;
            case 't':
                sc = 1L << 40;
                i++;
                break;
            case 'p':
                sc = 1L << 50;
                i++;
                break;
            case 'b':
                sc = 1;
                if (v != Math.floor(v)) {
                    return bytesError(tl, "Fractional BYTES not allowed");
                }
                break;
            default:
                return bytesError(tl, "Unknown BYTES unit of measurement ([KMGTP][B])");
        }
        if (i < u.length() && (u.charAt(i) == 'b' || u.charAt(i) == 'B')) {
            i++;
        }
        if (i < u.length()) {
            return bytesError(tl, "Unknown BYTES unit of measurement ([KMGTP][B])");
        }
        tl.next();
        return (long) (sc * v);
    }

    private static long bytesError(Compilation tl, String text) {
        tl.sb.cat(text);
        tl.errToken(tl.t);
        tl.errWhere(tl.t);
        return 0;
    }
}
