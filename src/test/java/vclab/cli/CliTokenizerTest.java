package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CliTokenizerTest {

    private static List<String> words(String line, Dialect dialect) {
        CliTokenizer.Result result = CliTokenizer.tokenize(line, dialect);
        assertNull(result.error(), "unexpected error for <" + line + ">");
        return result.words();
    }

    private static String error(String line, Dialect dialect) {
        return CliTokenizer.tokenize(line, dialect).error();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void splitsOnWhiteSpaceRuns(Dialect dialect) {
        assertEquals(List.of("foo", "bar"), words("  foo \t\u000b\f bar  ", dialect));
        assertEquals(List.of(), words("", dialect));
        assertEquals(List.of(), words(" \t ", dialect));
    }

    /** The flag-0 cases of the test table in lib/libvarnish/vav.c at trunk (27d2ce15b). */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void trunkTestTableCases(Dialect dialect) {
        assertEquals(List.of("foo"), words("foo", dialect));
        assertEquals(List.of("foo", "bar"), words("foo bar", dialect));
        assertEquals(List.of("foo", "bar baz"), words("foo \"bar baz\"", dialect));
        assertEquals(List.of("foo", "#bar"), words("foo #bar", dialect));
        assertEquals(List.of("foo#bar"), words("foo#bar", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("\\", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("\\x", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("\\x2", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("\\x2O", dialect));
        assertEquals(List.of(" "), words("\\x20", dialect));
        assertEquals(CliTokenizer.MISSING_QUOTE, error("\"foo", dialect));
        assertEquals(CliTokenizer.INVALID_QUOTE, error("foo\"bar", dialect));
        assertEquals(CliTokenizer.MISSING_SEPARATOR, error("\"foo\"\"bar\"", dialect));
    }

    @Test
    void quotedWordsSeparatedBySpaceFailIn71() {
        assertEquals(CliTokenizer.MISSING_SEPARATOR, error("\"foo\" \"bar\"", Dialect.V7_1));
        assertEquals(CliTokenizer.MISSING_SEPARATOR, error("ping \"x\" \"y\"", Dialect.V7_1));
        assertEquals(CliTokenizer.MISSING_SEPARATOR, error("a \"x\"\t \"y\"", Dialect.V7_1));
    }

    @Test
    void quotedWordsSeparatedBySpacePassInTrunk() {
        assertEquals(List.of("foo", "bar"), words("\"foo\" \"bar\"", Dialect.TRUNK));
        assertEquals(List.of("ping", "x", "y"), words("ping \"x\" \"y\"", Dialect.TRUNK));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void quotedWordThenUnquotedGivesTwoWords(Dialect dialect) {
        assertEquals(List.of("vcl.use", "v1", "x"), words("vcl.use \"v1\"x", dialect));
        assertEquals(List.of("x", "y", "z"), words("\"x\" y \"z\"", dialect));
        assertEquals(List.of(""), words("\"\"", dialect));
        assertEquals(List.of("a", ""), words("a \"\"", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void escapesDecodeInsideAndOutsideQuotes(Dialect dialect) {
        assertEquals(List.of("a\nb\rc\td\"e\\f"), words("a\\nb\\rc\\td\\\"e\\\\f", dialect));
        assertEquals(List.of("a\nb\rc\td\"e\\f"), words("\"a\\nb\\rc\\td\\\"e\\\\f\"", dialect));
        assertEquals(List.of("aAb"), words("\"a\\x41b\"", dialect));
        assertEquals(List.of("aAb"), words("\"a\\101b\"", dialect));
        assertEquals(List.of("\u00ff\u00fe"), words("\\xFF\\xfe", dialect));
        assertEquals(List.of("x\"y"), words("x\\\"y", dialect));
        assertEquals(List.of("say \"hi\""), words("\"say \\\"hi\\\"\"", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void octalEscapesTakeUpToThreeDigits(Dialect dialect) {
        assertEquals(List.of("\u0001" + "8"), words("\\18", dialect));
        assertEquals(List.of("\u00018"), words("\\0018", dialect));
        assertEquals(List.of("S4"), words("\\1234", dialect));
        assertEquals(List.of("\u0007"), words("\\7", dialect));
        assertEquals(List.of("\u00ff"), words("\\377", dialect));
        // C accumulates into a char: \777 is 511, which wraps to 0xFF.
        assertEquals(List.of("\u00ff"), words("\\777", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void invalidEscapesRejectTheLine(Dialect dialect) {
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("vcl.use \"a\\qb\"", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("ping \\8", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("ping \\x4 ", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("ping \\ x", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("ping \\v", dialect));
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error("\"a\\x4\"", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void decodedNulEndsTheWord(Dialect dialect) {
        assertEquals(List.of("ab", "c"), words("ab\\0cd c", dialect));
        assertEquals(List.of("ab", "c"), words("\"ab\\x00cd\" c", dialect));
        assertEquals(List.of("", "c"), words("\\000 c", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rawNulEndsTheLine(Dialect dialect) {
        assertEquals(List.of("ping", "a"), words("ping a\0b c", dialect));
        assertEquals(List.of("ping"), words("ping \0\"", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void singleQuotesAreOrdinary(Dialect dialect) {
        assertEquals(List.of("vcl.use", "'v1'"), words("vcl.use 'v1'", dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void bytesAbove0x7fAreNotSpace(Dialect dialect) {
        assertEquals(List.of("a\u00a0b", "\u0085"), words("a\u00a0b \u0085", dialect));
    }

    @Test
    void childEncodingLeavesPlainWordsAndAddsSpaces() {
        assertEquals("vcl.list \n", CliTokenizer.encodeForChild(List.of("vcl.list"),
                Dialect.V7_1));
        assertEquals("ban req.url ~ /x \n", CliTokenizer.encodeForChild(
                List.of("ban", "req.url", "~", "/x"), Dialect.V7_1));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void childEncodingSplitsWordsWithSpaces(Dialect dialect) {
        String line = CliTokenizer.encodeForChild(List.of("ban", "req.http.foo", "==", "a b"),
                dialect);
        assertEquals("ban req.http.foo == a b \n", line);
        assertEquals(5, words(line.strip(), dialect).size());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void childEncodingDropsEmptyWords(Dialect dialect) {
        String line = CliTokenizer.encodeForChild(List.of("ban", "req.url", "~", ""), dialect);
        assertEquals("ban req.url ~  \n", line);
        assertEquals(List.of("ban", "req.url", "~"), words(line, dialect));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void childEncodingEscapesSpecialBytes(Dialect dialect) {
        String line = CliTokenizer.encodeForChild(
                List.of("vcl.inline", "v1", "vcl 4.1;\n\"q\"\\\r\t\u0001\u00e9?"), dialect);
        assertEquals("vcl.inline v1 vcl 4.1;\\n\\\"q\\\"\\\\\\r\\t\\001\\351? \n", line);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void childEncodingRoundTripsWordsWithoutSpaces(Dialect dialect) {
        List<String> argv = List.of("x", "a\"b\\c\nd\u00ff\u0001");
        String line = CliTokenizer.encodeForChild(argv, dialect);
        assertEquals(argv, words(line, dialect));
    }

    @Test
    void v71EncodesVerticalTabAsBackslashV() {
        String line = CliTokenizer.encodeForChild(List.of("ping", "a\u000bb"), Dialect.V7_1);
        assertEquals("ping a\\vb \n", line);
        assertEquals(CliTokenizer.INVALID_BACKSLASH, error(line, Dialect.V7_1));
    }

    @Test
    void trunkEncodesVerticalTabInOctal() {
        String line = CliTokenizer.encodeForChild(List.of("ping", "a\u000bb"), Dialect.TRUNK);
        assertEquals("ping a\\013b \n", line);
        assertEquals(List.of("ping", "a\u000bb"), words(line, Dialect.TRUNK));
    }

    @Test
    void childEncodingRejectsCharsAboveLatin1() {
        assertThrows(IllegalArgumentException.class,
                () -> CliTokenizer.encodeForChild(List.of("ping", "\u20ac"), Dialect.V7_1));
    }
}
