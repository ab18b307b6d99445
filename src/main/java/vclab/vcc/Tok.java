package vclab.vcc;

/**
 * The kinds of VCC tokens. {@link #label()} is the name VCC prints in "Expected X got Y":
 * a quoted character for one-character operators, the operator text for two-character
 * ones and the kind's own name for the rest (vcl_tnames in VCC).
 */
enum Tok {
    INC("++"),
    DEC("--"),
    CAND("&&"),
    COR("||"),
    LEQ("<="),
    EQ("=="),
    NEQ("!="),
    GEQ(">="),
    SHR(">>"),
    SHL("<<"),
    INCR("+="),
    DECR("-="),
    MUL("*="),
    DIV("/="),
    NOMATCH("!~"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    LPAREN("'('"),
    RPAREN("')'"),
    STAR("'*'"),
    PLUS("'+'"),
    MINUS("'-'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    GT("'>'"),
    LT("'<'"),
    ASSIGN("'='"),
    SEMI("';'"),
    BANG("'!'"),
    AMP("'&'"),
    DOT("'.'"),
    PIPE("'|'"),
    TILDE("'~'"),
    COMMA("','"),
    ID("ID"),
    CNUM("CNUM"),
    FNUM("FNUM"),
    CSTR("CSTR"),
    CSRC("CSRC"),
    CBLOB("CBLOB"),
    EOI("EOI");

    private final String label;

    Tok(String label) {
        this.label = label;
    }

    /** The token's name as VCC prints it in "Expected X got Y". */
    String label() {
        return label;
    }

    /** The operator character of a one-character token, used in arithmetic messages. */
    boolean isSingleChar() {
        return label.length() == 3 && label.charAt(0) == '\'';
    }
}
