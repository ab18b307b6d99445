package vclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void noArgumentsPrintsUsageAndExits2() {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        assertEquals(2, cl.execute());
        assertTrue(err.toString().startsWith("Usage: vclab "), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void helpOptionExits0() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("--help"));
    }
}
