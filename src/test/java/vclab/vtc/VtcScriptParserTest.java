package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VtcScriptParserTest {

    private static List<String> words(VtcCommand c) {
        return c.words().stream().map(VtcWord::text).toList();
    }

    private static ParsedScript parse(String text) {
        return VtcScriptParser.parse(text, "t.vtc");
    }

    @Test
    void splitsWordsQuotesAndBraces() {
        ParsedScript s = parse("varnishtest \"a b\"\nshell -match {x {y} z} done\n");
        assertNull(s.error());
        assertEquals(List.of("varnishtest", "a b"), words(s.commands().get(0)));
        assertEquals(List.of("shell", "-match", "x {y} z", "done"), words(s.commands().get(1)));
    }

    @Test
    void closingQuoteOrBraceEndsWord() {
        ParsedScript s = parse("cmd \"a\"b {x}y a\"b\"\n");
        assertEquals(List.of("cmd", "a", "b", "x", "y", "a\"b\""), words(s.commands().get(0)));
    }

    @Test
    void commentOnlyAtCommandStart() {
        ParsedScript s = parse("# first\n  # indented\ncmd a # not a comment\n");
        assertEquals(1, s.commands().size());
        assertEquals(List.of("cmd", "a", "#", "not", "a", "comment"), words(s.commands().get(0)));
    }

    @Test
    void continuationOnlyWhereWordStarts() {
        ParsedScript s = parse("cmd a \\\n  b\nsetenv A b\\\nsetenv C d\n");
        assertEquals(List.of("cmd", "a", "b"), words(s.commands().get(0)));
        assertEquals(List.of("setenv", "A", "b\\"), words(s.commands().get(1)));
        assertEquals(List.of("setenv", "C", "d"), words(s.commands().get(2)));
    }

    @Test
    void braceSpansLinesVerbatim() {
        ParsedScript s = parse("server s1 {\n\trxreq \"\\q\"\n} -start\nnext\n");
        assertEquals(List.of("server", "s1", "\n\trxreq \"\\q\"\n", "-start"),
                words(s.commands().get(0)));
        assertEquals(4, s.commands().get(1).pos().line());
    }

    @Test
    void decodesEscapes() {
        ParsedScript s = parse("cmd \"a\\nb \\x4a \\101 \\t\\\"\\\\\"\n");
        assertEquals("a\nb J A \t\"\\", s.commands().get(0).words().get(1).text());
    }

    @Test
    void positionsOfCommandsAndWords() {
        ParsedScript s = parse("varnishtest x\n\n  shell  {a}\n");
        VtcCommand c = s.commands().get(1);
        assertEquals(new SourcePos("t.vtc", 3, 3), c.pos());
        assertEquals(new SourcePos("t.vtc", 3, 10), c.words().get(1).pos());
        assertEquals(new SourcePos("t.vtc", 3, 11), c.words().get(1).contentPos());
    }

    @Test
    void nestedPositionsShiftFirstLineOnly() {
        ParsedScript s = VtcScriptParser.parse(" expect a\n  fail b\n",
                new SourcePos("t.vtc", 5, 20));
        assertEquals(new SourcePos("t.vtc", 5, 21), s.commands().get(0).pos());
        assertEquals(new SourcePos("t.vtc", 6, 3), s.commands().get(1).pos());
    }

    @Test
    void lineTextIsFirstSixtyCharacters() {
        String longLine = "shell " + "x".repeat(70);
        ParsedScript s = parse(longLine + "\n");
        assertEquals(longLine.substring(0, 60) + "...", s.commands().get(0).lineText());
        ParsedScript multi = parse("server s1 {\n rxreq\n} -start\n");
        assertEquals("server s1 {", multi.commands().get(0).lineText());
    }

    @Test
    void unterminatedQuoteReportsLineAndPosition() {
        ParsedScript s = parse("varnishtest x\nshell \"echo hi\nnext\n");
        assertEquals(1, s.commands().size());
        assertNotNull(s.error());
        assertEquals("Unterminated quoted string in line: shell \"echo hi", s.error().message());
        assertEquals(new SourcePos("t.vtc", 2, 7), s.error().pos());
    }

    @Test
    void unclosedBraceIsError() {
        ParsedScript s = parse("varnishtest x\nshell {echo {\n");
        assertNotNull(s.error());
        assertTrue(s.error().message().contains("Condition(*p == '}')"), s.error().message());
        assertEquals(2, s.error().pos().line());
        assertEquals(7, s.error().pos().column());
    }

    @Test
    void unknownEscapeIsErrorWithPosition() {
        ParsedScript s = parse("varnishtest x\nshell \"a\\qb\"\n");
        assertNotNull(s.error());
        assertTrue(s.error().message().startsWith("Invalid escape sequence \"\\q\""),
                s.error().message());
        assertEquals(new SourcePos("t.vtc", 2, 9), s.error().pos());
    }

    @Test
    void wordLimitIs199() {
        String ok = "cmd" + " a".repeat(198) + "\n";
        String tooMany = "cmd" + " a".repeat(199) + "\n";
        assertNull(parse(ok).error());
        ParsedScript s = parse(tooMany);
        assertNotNull(s.error());
        assertTrue(s.error().message().contains("Condition(tn < MAX_TOKENS)"));
    }

    @Test
    void emptyAndCommentOnlyTextHasNoCommands() {
        assertEquals(0, parse("").commands().size());
        assertEquals(0, parse("\n  \n# x\n").commands().size());
    }
}
