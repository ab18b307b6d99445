package vclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The layout of {@code vclab adm --help}. */
class AdmHelpTest {
    @Test
    void descriptionLinesAreNotWrapped() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AdmCommand()).setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        List<String> lines = out.toString().lines().toList();
        for (String line : cl.getCommandSpec().usageMessage().description()) {
            assertTrue(lines.contains(line), "wrapped: '" + line + "' in\n" + out);
        }
    }
}
