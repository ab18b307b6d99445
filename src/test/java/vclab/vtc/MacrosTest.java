package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacrosTest {

    private static Macros table() {
        Macros m = new Macros(() -> 1_000_000_000_000L);
        m.put("pwd", "/here");
        m.putFunction("date");
        m.putFunction("string");
        m.put("s1_sock", "127.0.0.1:8080");
        return m;
    }

    private static String failure(String text) {
        return assertThrows(Macros.MacroException.class, () -> table().expand(text))
                .getMessage();
    }

    @Test
    void expandsPlainMacrosOnce() {
        Macros m = table();
        m.put("loop", "${pwd}");
        assertEquals("a /here b 127.0.0.1:8080", m.expand("a ${pwd} b ${s1_sock}"));
        assertEquals("${pwd}", m.expand("${loop}"));
    }

    @Test
    void argumentsSplitOnCommasAndSpaces() {
        assertEquals("ababab", table().expand("${string,repeat,3,ab}"));
        assertEquals("a,ba,b", table().expand("${string repeat 2 \"a,b\"}"));
        assertEquals("", table().expand("${string,repeat,0,x}"));
    }

    @Test
    void dateIsHttpDateOfTheClock() {
        assertEquals("Sun, 09 Sep 2001 01:46:40 GMT", table().expand("${date}"));
    }

    @Test
    void errorMessagesMatchVarnishtest() {
        assertEquals("Macro ${nope} not found", failure("${nope}"));
        assertEquals("Macro ${pwd,x} failed: macro does not take arguments", failure("${pwd,x}"));
        assertEquals("Macro ${string} failed: missing action", failure("${string}"));
        assertEquals("Macro ${string,x} failed: unknown action", failure("${string,x}"));
        assertEquals("Macro ${string,repeat,1} failed: repeat takes 2 arguments",
                failure("${string,repeat,1}"));
        assertEquals("Macro ${string,repeat,x,ab} failed: Invalid number",
                failure("${string,repeat,x,ab}"));
        assertEquals("Macro ${string,repeat,-1,ab} failed: invalid number of repetitions",
                failure("${string,repeat,-1,ab}"));
        assertEquals("Macro ${date,1} failed: macro does not take arguments",
                failure("${date,1}"));
        assertEquals("Macro ${\"a} parsing failed: Missing '\"'", failure("${\"a}"));
    }

    @Test
    void ignoreUnknownKeepsReference() {
        Macros m = table();
        m.ignoreUnknown();
        assertEquals("x ${nope,1} y", m.expand("x ${nope,1} y"));
    }

    @Test
    void unclosedReferenceRepeatsText() {
        assertEquals("a /here b  b ${c", table().expand("a ${pwd} b ${c"));
    }

    @Test
    void describeKeepsDefinitionOrder() {
        Macros m = table();
        m.put("pwd", "/other");
        List<String> lines = m.describe();
        assertEquals("extmacro def pwd=/other", lines.get(0));
        assertEquals("extmacro def date(...)", lines.get(1));
        assertTrue(lines.contains("extmacro def s1_sock=127.0.0.1:8080"));
    }
}
