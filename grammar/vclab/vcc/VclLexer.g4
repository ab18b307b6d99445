/*
 * Tokens of VCL 4.0 and 4.1, as Varnish's VCC lexer (lib/libvcc/vcc_token.c) forms them.
 *
 * VCC tries its recognizers in a fixed order (comments, BLOB, delimited strings and C
 * source, fixed operators, identifiers, numbers). ANTLR takes the longest match instead,
 * so every delimited token has an OPEN_* twin that matches only its opening delimiter:
 * when the closing delimiter is missing, the twin is the longest match and VclTokenizer
 * reports it the way VCC reports an unterminated token. Some checks cannot be expressed
 * as rules and are made by VclTokenizer: a nested comment opener, digit counts of numbers
 * and the structure of a BLOB.
 *
 * An identifier never contains '.': "req.http.X-Foo" is ID '.' ID '.' ID, and the symbol
 * table joins the parts again.
 */
lexer grammar VclLexer;

WS           : [ \t\r\n\u000B]+ -> skip ;
HASH_COMMENT : '#' ~[\n]* -> skip ;
LINE_COMMENT : '//' ~[\n]* -> skip ;

// Hidden rather than skipped: VclTokenizer still sees it and rejects a nested "/*".
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
OPEN_BLOCK_COMMENT : '/*' ;

// A BLOB literal ":<base64>:"; VclTokenizer decodes and checks it as VCC does.
BLOB : ':' [A-Za-z0-9+/=]* ':'? ;

LONG_STRING_QUOTES : '"""' .*? '"""' ;
OPEN_LONG_STRING_QUOTES : '"""' ;
LONG_STRING_BRACES : '{"' .*? '"}' ;
OPEN_LONG_STRING_BRACES : '{"' ;
STRING : '"' ~["\r\n]* '"' ;
OPEN_STRING : '"' ;
C_SOURCE : 'C{' .*? '}C' ;
OPEN_C_SOURCE : 'C{' ;

INC     : '++' ;
DEC     : '--' ;
CAND    : '&&' ;
COR     : '||' ;
LEQ     : '<=' ;
EQ      : '==' ;
NEQ     : '!=' ;
GEQ     : '>=' ;
SHR     : '>>' ;
SHL     : '<<' ;
INCR    : '+=' ;
DECR    : '-=' ;
MUL     : '*=' ;
DIV     : '/=' ;
NOMATCH : '!~' ;

LBRACE  : '{' ;
RBRACE  : '}' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
STAR    : '*' ;
PLUS    : '+' ;
MINUS   : '-' ;
SLASH   : '/' ;
PERCENT : '%' ;
GT      : '>' ;
LT      : '<' ;
ASSIGN  : '=' ;
SEMI    : ';' ;
BANG    : '!' ;
AMP     : '&' ;
DOT     : '.' ;
PIPE    : '|' ;
TILDE   : '~' ;
COMMA   : ',' ;

ID   : [A-Za-z] [A-Za-z0-9_-]* ;
FNUM : [0-9]+ '.' [0-9]* ;
CNUM : [0-9]+ ;

// Anything else is VCC's "Syntax error at".
INVALID : . ;
