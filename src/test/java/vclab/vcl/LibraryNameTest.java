package vclab.vcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time part of vcl.load's library names: epoch seconds plus a serial in microseconds. */
class LibraryNameTest {
    @Test
    void fixed6MatchesFormat() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double epoch = 1_600_000_000 + random.nextInt(400_000_000) + random.nextDouble();
            double seconds = epoch + random.nextInt(1000) * 1e-6;
            assertEquals(String.format(Locale.ROOT, "%.6f", seconds),
                    MgtVclCommands.fixed6(seconds), "for " + seconds);
        }
    }

    @Test
    void fixed6PadsWholeSeconds() {
        assertEquals("1800000000.000000", MgtVclCommands.fixed6(1_800_000_000.0));
        assertEquals("1800000000.000001", MgtVclCommands.fixed6(1_800_000_000.0 + 1e-6));
    }
}
