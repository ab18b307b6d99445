package vclab.vcc;

import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The context-free syntax of VCL, checked with the generated {@link VclParser}. It accepts
 * every program VCC accepts, and more: types, symbols and VCC's messages are the business
 * of {@link Vcc}. Useful for tools that need a parse tree (highlighting, completion) and
 * as a cross-check of the compiler.
 */
public final class VclSyntax {
    private VclSyntax() {
    }

    /** A syntax error at a line (from 1) and column (from 0, in characters). */
    public record Error(int line, int column, String message) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }

    /** Thrown by {@link #parse(String)} for the first syntax error. */
    public static final class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Error error;

        SyntaxException(Error error) {
            super(error.toString());
            this.error = error;
        }

        public Error error() {
            return error;
        }
    }

    /** Returns the first syntax error of a VCL text, or empty when there is none. */
    public static Optional<Error> check(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (SyntaxException e) {
            return Optional.of(e.error());
        }
    }

    /** Parses a VCL text into a tree; throws {@link SyntaxException} at the first error. */
    public static VclParser.VclContext parse(String text) {
        VclLexer lexer = new VclLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        VclParser parser = new VclParser(tokens);
        parser.removeErrorListeners();
        // Fast SLL prediction first; full LL only when SLL cannot decide.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.vcl();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new FirstError());
            return parser.vcl();
        }
    }

    /** Throws at the first error the parser reports. */
    private static final class FirstError extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line,
                int column, String msg, RecognitionException e) {
            throw new SyntaxException(new Error(line, column, msg));
        }
    }
}
