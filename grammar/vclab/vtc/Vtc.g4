/*
 * The lexical syntax of VTC scripts (varnishtest 7.1). A script is one command per logical
 * line; a command is a list of words. Words are bare, "quoted" (escapes decoded later) or
 * {braced} (nested braces, taken verbatim). A quote or brace starts a word only at the start
 * of a word, and its closing character ends the word. '#' starts a comment only where a
 * command would start. Backslash-newline is skipped where a word would start; at the end of
 * a bare word the backslash belongs to the word.
 *
 * The lexer matches every input, so the parser never reports an error: the broken forms
 * (UNTERMINATED_QUOTE, UNCLOSED_BRACE) are tokens that vclab.vtc.VtcScriptParser turns into
 * errors with their position.
 */
grammar Vtc;

@lexer::members {
    /** True until the first word of the current command has been emitted. */
    private boolean commandStart = true;

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        if (token.getType() == NL) {
            commandStart = true;
        } else if (token.getType() != EOF) {
            commandStart = false;
        }
        return token;
    }
}

script
    : (command? NL)* command? EOF
    ;

command
    : word+
    ;

word
    : QUOTED
    | BRACE
    | BARE
    | UNTERMINATED_QUOTE
    | UNCLOSED_BRACE
    ;

COMMENT
    : {commandStart}? '#' ~[\n]* -> skip
    ;

NL
    : '\n'
    ;

WS
    : [ \t\r\u000B\f]+ -> skip
    ;

CONTINUATION
    : '\\\n' -> skip
    ;

QUOTED
    : '"' (~["\\\n] | '\\' ~[\n])* '"'
    ;

UNTERMINATED_QUOTE
    : '"' (~["\\\n] | '\\' ~[\n])* '\\'?
    ;

BRACE
    : '{' (BRACE | ~[{}])* '}'
    ;

UNCLOSED_BRACE
    : '{' (BRACE | ~[{}])*
    ;

BARE
    : ~[ \t\r\n\u000B\f"{] ~[ \t\r\n\u000B\f]*
    ;
