package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what glibc's printf prints for the same doubles. */
class CFormatTest {
    @Test
    void generalMatchesPrintfG() {
        double[] values = {0.9, 10.0, 1e6, 100000.0, 0.0001, 0.00001, 123456789.0, 0.5,
            2.0 / 3, 1e-10, 999999.5, 0.1234567, 0.0, -2.5};
        String[] expected = {"0.9", "10", "1e+06", "100000", "0.0001", "1e-05", "1.23457e+08",
            "0.5", "0.666667", "1e-10", "1e+06", "0.123457", "0", "-2.5"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], CFormat.general(values[i]), "%g of " + values[i]);
        }
    }

    @Test
    void fixedRoundsTheBinaryValue() {
        double[] values = {1.0005, 0.0005, 2.0005, 600.0, -0.0001, 1796394936.0445, 0.1 + 0.2};
        String[] expected = {"1.000", "0.001", "2.001", "600.000", "-0.000", "1796394936.045",
            "0.300"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], CFormat.fixed(values[i], 3), "%.3f of " + values[i]);
        }
    }

    @Test
    void paddingLikePrintf() {
        assertEquals("ab   ", CFormat.padRight("ab", 5));
        assertEquals("   ab", CFormat.padLeft("ab", 5));
        assertEquals("ab   ", CFormat.padLeft("ab", -5));
        assertEquals("abcdef", CFormat.padLeft("abcdef", 3));
    }

    @Test
    void caseInsensitiveOnlyForAscii() {
        assertEquals(true, CFormat.equalsIgnoreAsciiCase("ABCdef", "abcDEF"));
        assertEquals(false, CFormat.equalsIgnoreAsciiCase("\u00c0", "\u00e0"));
        assertEquals(false, CFormat.equalsIgnoreAsciiCase("ab", "abc"));
    }
}
