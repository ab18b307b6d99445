/*
 * The syntax of VCL 4.0 and 4.1 as Varnish accepts it, over the tokens of VclLexer.
 *
 * This grammar is context free and accepts a superset of VCL: VCC decides much of the
 * syntax with types and symbols (a number followed by a word is a duration where a
 * duration is wanted, "req.http.X-Foo" is a header, "-x + y" negates the sum). vclab's
 * compiler (Vcc) follows VCC itself for that and for the error messages; this grammar is
 * the syntax reference, a fast syntax check (VclSyntax) and a base for tools.
 *
 * VCL has no reserved words in its lexer: keywords are identifiers recognised by their
 * text, which the predicates below test.
 */
parser grammar VclParser;

options { tokenVocab = VclLexer; }

@members {
    /** Whether the next token is the identifier {@code word}. */
    private boolean at(String word) {
        org.antlr.v4.runtime.Token t = _input.LT(1);
        return t.getType() == ID && t.getText().equals(word);
    }

    /** Whether the next token is an identifier naming a statement keyword. */
    private boolean atStatementKeyword() {
        return at("set") || at("unset") || at("call") || at("return") || at("new")
                || at("if") || at("synthetic") || at("ban") || at("hash_data")
                || at("include");
    }
}

vcl
    : declaration* EOF
    ;

declaration
    : {at("vcl")}? versionDeclaration
    | {at("include")}? includeDeclaration
    | {at("import")}? importDeclaration
    | {at("backend")}? backendDeclaration
    | {at("probe")}? probeDeclaration
    | {at("acl")}? aclDeclaration
    | {at("sub")}? subDeclaration
    | C_SOURCE
    ;

versionDeclaration
    : ID FNUM SEMI
    ;

includeDeclaration
    : ID flag* string SEMI
    ;

flag
    : (PLUS | MINUS) ID
    ;

importDeclaration
    : ID ID ({at("as")}? ID ID)? ({at("from")}? ID string)? SEMI
    ;

backendDeclaration
    : ID ID ({at("none") || at("None")}? ID SEMI | LBRACE field* RBRACE)
    ;

probeDeclaration
    : ID ID probeBody
    ;

probeBody
    : LBRACE field* RBRACE
    ;

field
    : DOT ID ASSIGN (probeBody | fieldValue SEMI)
    ;

fieldValue
    : string+
    | number ID?
    | ID
    | BLOB
    ;

aclDeclaration
    : ID ID flag* LBRACE (aclEntry SEMI)* RBRACE
    ;

aclEntry
    : BANG? LPAREN? BANG? string (SLASH CNUM)? RPAREN?
    ;

subDeclaration
    : ID ID compound
    ;

compound
    : LBRACE statement* RBRACE
    ;

statement
    : compound
    | C_SOURCE
    | {at("if")}? ifStatement
    | {at("set")}? setStatement
    | {at("unset")}? unsetStatement
    | {at("call")}? callStatement
    | {at("return")}? returnStatement
    | {at("new")}? newStatement
    | {at("synthetic") || at("ban") || at("hash_data")}? builtinStatement
    | {at("include")}? includeDeclaration
    | {!atStatementKeyword()}? callExpression SEMI
    ;

ifStatement
    : ID LPAREN expression RPAREN compound elseBranch*
    ;

elseBranch
    : {at("else")}? ID {at("if")}? ID LPAREN expression RPAREN compound
    | {at("elseif") || at("elsif") || at("elif")}? ID LPAREN expression RPAREN compound
    | {at("else")}? ID compound
    ;

setStatement
    : ID name (ASSIGN | INCR | DECR | MUL | DIV) expression SEMI
    ;

unsetStatement
    : ID name SEMI
    ;

callStatement
    : ID expression SEMI
    ;

returnStatement
    : ID (LPAREN ID (LPAREN arguments? RPAREN)? RPAREN)? SEMI
    ;

newStatement
    : ID ID ASSIGN name LPAREN arguments? RPAREN SEMI
    ;

builtinStatement
    : ID LPAREN expression RPAREN SEMI
    ;

callExpression
    : name LPAREN arguments? RPAREN (DOT ID (LPAREN arguments? RPAREN)?)*
    ;

arguments
    : argument (COMMA argument)*
    ;

argument
    : ID ASSIGN expression
    | expression
    ;

expression
    : MINUS expression
    | BANG expression
    | expression (STAR | SLASH | PERCENT) expression
    | expression (PLUS | MINUS) expression
    | expression (EQ | NEQ | LT | GT | LEQ | GEQ | TILDE | NOMATCH) expression
    | expression CAND expression
    | expression COR expression
    | primary (DOT ID (LPAREN arguments? RPAREN)?)*
    ;

primary
    : LPAREN expression RPAREN
    | name (LPAREN arguments? RPAREN)?
    | number ID?
    | string
    | BLOB
    ;

name
    : ID (DOT (ID | string))*
    ;

number
    : CNUM
    | FNUM
    ;

string
    : STRING
    | LONG_STRING_QUOTES
    | LONG_STRING_BRACES
    ;
