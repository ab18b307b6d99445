package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliQuoteTest {
    @Test
    void jsonEscapesPerDialect() {
        String text = "a\"b\\c\nd\re\tf\u000bg\u0001h\u007f\u00e9";
        assertEquals("a\\\"b\\\\c\\nd\\re\\tf\\vg\\u0001h\u007f\u00e9",
                CliQuote.json(Dialect.V7_1, text));
        assertEquals("a\\\"b\\\\c\\nd\\re\\tf\\u000bg\\u0001h\u007f\u00e9",
                CliQuote.json(Dialect.TRUNK, text));
    }

    @Test
    void cStringEscapesPerDialect() {
        String text = "a b\"\\\n\u000b\u0001\u00e9";
        assertEquals("a b\\\"\\\\\\n\\v\\001\\351", CliQuote.cString(Dialect.V7_1, text));
        assertEquals("a b\\\"\\\\\\n\\013\\001\\351", CliQuote.cString(Dialect.TRUNK, text));
    }

    @Test
    void childLineDropsQuotesAndEmptyWords() {
        String line = CliQuote.childCommandLine(Dialect.V7_1,
                List.of("ban", "req.http.foo", "==", "a b", ""));
        assertEquals("ban req.http.foo == a b  \n", line);
    }
}
