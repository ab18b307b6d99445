package vclab.vtc;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Splits VTC script text into commands with the ANTLR grammar {@code Vtc.g4}, decodes quoted
 * words and turns the grammar's error tokens into varnishtest's messages with positions.
 * Nested specifications (client, server, logexpect bodies, {@code loop}, {@code include}) go
 * through the same parser with the position of their first character.
 */
public final class VtcScriptParser {
    /** varnishtest stops with an assertion at the 200th word of a command. */
    public static final int MAX_WORDS = 199;

    private static final int LINE_TEXT_MAX = 60;

    private VtcScriptParser() {
    }

    /** Parses a whole file. */
    public static ParsedScript parse(String text, String file) {
        return parse(text, new SourcePos(file, 1, 1));
    }

    /**
     * Parses script text whose first character is at {@code start}: positions on the first
     * line are shifted by its column, later lines by its line.
     */
    public static ParsedScript parse(String text, SourcePos start) {
        VtcLexer lexer = new VtcLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FAIL_FAST);
        VtcParser parser = new VtcParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(FAIL_FAST);
        VtcParser.ScriptContext tree = parser.script();
        List<VtcCommand> commands = new ArrayList<>();
        for (VtcParser.CommandContext command : tree.command()) {
            Object result = convert(text, start, command);
            if (result instanceof VtcSyntaxError error) {
                return new ParsedScript(commands, error);
            }
            commands.add((VtcCommand) result);
        }
        return new ParsedScript(commands, null);
    }

    /** Returns a VtcCommand, or the VtcSyntaxError that the command's line raises. */
    private static Object convert(String text, SourcePos start, VtcParser.CommandContext ctx) {
        Token first = ctx.getStart();
        SourcePos pos = position(start, first);
        int lineEnd = text.indexOf('\n', first.getStartIndex());
        String physical = text.substring(first.getStartIndex(),
                lineEnd < 0 ? text.length() : lineEnd);
        String lineText = physical.length() > LINE_TEXT_MAX
                ? physical.substring(0, LINE_TEXT_MAX) + "..." : physical;
        List<VtcWord> words = new ArrayList<>();
        for (VtcParser.WordContext w : ctx.word()) {
            Token token = w.getStart();
            SourcePos wordPos = position(start, token);
            if (words.size() == MAX_WORDS) {
                int assertLine = token.getStopIndex() + 1 >= text.length() ? 442 : 386;
                return new VtcSyntaxError(wordPos, "Assert error in parse_string(), vtc.c line "
                        + assertLine + ":  Condition(tn < MAX_TOKENS) not true.  Errno=0 Success",
                        lineText);
            }
            String raw = token.getText();
            switch (token.getType()) {
                case VtcLexer.QUOTED -> {
                    Object decoded = decodeQuoted(raw.substring(1, raw.length() - 1), wordPos);
                    if (decoded instanceof VtcSyntaxError error) {
                        return new VtcSyntaxError(error.pos(), error.message(), lineText);
                    }
                    words.add(new VtcWord((String) decoded, false, wordPos));
                }
                case VtcLexer.BRACE ->
                        words.add(new VtcWord(raw.substring(1, raw.length() - 1), true, wordPos));
                case VtcLexer.BARE -> words.add(new VtcWord(raw, false, wordPos));
                case VtcLexer.UNTERMINATED_QUOTE -> {
                    String upTo = text.substring(first.getStartIndex(), token.getStopIndex() + 1);
                    return new VtcSyntaxError(wordPos,
                            "Unterminated quoted string in line: " + upTo, lineText);
                }
                case VtcLexer.UNCLOSED_BRACE -> {
                    return new VtcSyntaxError(wordPos, "Assert error in parse_string(), vtc.c"
                            + " line 431:  Condition(*p == '}') not true.  Errno=0 Success", lineText);
                }
                default -> throw new IllegalStateException("unexpected token " + token);
            }
        }
        return new VtcCommand(words, pos, lineText);
    }

    /**
     * Decodes the escapes of a quoted word: {@code \n \r \t \" \\}, one to three octal digits
     * and {@code \x} with two hex digits. Any other escape is an error here, where varnishtest
     * 7.1 has undefined behaviour.
     */
    static Object decodeQuoted(String body, SourcePos wordPos) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int used = decodeEscape(body, i, out);
            if (used == 0) {
                SourcePos at = new SourcePos(wordPos.file(), wordPos.line(),
                        wordPos.column() + 1 + i);
                String seq = body.substring(i, Math.min(body.length(), i + 2));
                return new VtcSyntaxError(at, "Invalid escape sequence \"" + seq
                        + "\" in quoted string (use \\n \\r \\t \\\" \\\\ \\NNN or \\xHH)", null);
            }
            i += used;
        }
        return out.toString();
    }

    /** Appends the character of the escape at {@code i}; returns its length, 0 if invalid. */
    private static int decodeEscape(String s, int i, StringBuilder out) {
        if (i + 1 >= s.length()) {
            return 0;
        }
        char e = s.charAt(i + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'x' -> {
                if (i + 3 < s.length() && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    return 4;
                }
                return 0;
            }
            default -> {
                if (e < '0' || e > '7') {
                    return 0;
                }
                int value = 0;
                int r = 1;
                while (r < 4 && i + r < s.length() && s.charAt(i + r) >= '0'
                        && s.charAt(i + r) <= '7') {
                    value = (value << 3) | (s.charAt(i + r) - '0');
                    r++;
                }
                out.append((char) (value & 0xff));
                return r;
            }
        }
        return 2;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static SourcePos position(SourcePos start, Token token) {
        if (token.getLine() == 1) {
            return new SourcePos(start.file(), start.line(),
                    start.column() + token.getCharPositionInLine());
        }
        return new SourcePos(start.file(), start.line() + token.getLine() - 1,
                token.getCharPositionInLine() + 1);
    }

    /** The grammar matches every input, so any ANTLR error is a bug in vclab. */
    private static final BaseErrorListener FAIL_FAST = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            throw new IllegalStateException("VTC grammar error at " + line + ":"
                    + charPositionInLine + ": " + msg);
        }
    };
}
