package vclab.vcc;

/**
 * A VCC token: its kind and its extent in the text of its source. Offsets count characters;
 * a caller that wants VCC's byte positions passes bytes decoded as ISO-8859-1.
 */
final class VclToken {
    final Tok tok;
    final Source src;
    final int b;
    final int e;
    /** The string between the delimiters of a CSTR token, else null. */
    final String dec;
    /** The value of a CNUM or FNUM token. */
    final double num;
    /** The decoded bytes of a CBLOB token, else null. */
    final byte[] blob;
    /** Position in the compilation's token stream; -1 for tokens not in it (includes). */
    int index = -1;

    VclToken(Tok tok, Source src, int b, int e, String dec, double num, byte[] blob) {
        this.tok = tok;
        this.src = src;
        this.b = b;
        this.e = e;
        this.dec = dec;
        this.num = num;
        this.blob = blob;
    }

    VclToken(Tok tok, Source src, int b, int e) {
        this(tok, src, b, e, null, 0, null);
    }

    String text() {
        return src.text.substring(b, e);
    }

    /** VCC's vcc_IdIs: an exact, case-sensitive comparison of an ID token's text. */
    boolean idIs(String s) {
        return tok == Tok.ID && src.text.regionMatches(b, s, 0, s.length()) && e - b == s.length();
    }

    @Override
    public String toString() {
        return tok + "'" + text() + "'";
    }
}
