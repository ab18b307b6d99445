package vclab.cli;

import java.nio.charset.Charset;

/**
 * The charset the JVM uses for command-line arguments and file names (the platform's
 * {@code sun.jnu.encoding}), which can differ from {@code file.encoding}. Encoding a Java
 * string with it gives back the bytes the operating system passed.
 */
public final class NativeCharset {
    private NativeCharset() {
    }

    /** Returns the charset of arguments and file names, or the default charset if unknown. */
    public static Charset get() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
