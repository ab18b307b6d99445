package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the manager relays VCC's output line by line. */
class VccOutputTest {
    @Test
    void prefixesMessageAndStatus() {
        assertEquals("Message from VCC-compiler:\nx\n"
                + "Running VCC-compiler failed, exited with 2\n", VccOutput.format("x\n", true));
    }

    @Test
    void carriageReturnEndsLine() {
        assertEquals("Message from VCC-compiler:\na\nb\n\n", VccOutput.format("a\rb\r\n", false));
    }

    @Test
    void unterminatedLastLineIsLost() {
        assertEquals("Message from VCC-compiler:\na\n", VccOutput.format("a\nb", false));
    }

    @Test
    void emptyOutputHasNoHeader() {
        assertEquals("Running VCC-compiler failed, exited with 2\n", VccOutput.format("", true));
    }
}
