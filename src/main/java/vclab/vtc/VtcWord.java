package vclab.vtc;

/**
 * One word of a command: its text (escapes of a quoted word decoded, a braced word without
 * its braces) and where it starts in the script.
 *
 * @param text the word's value, before macro expansion
 * @param braced true for a {@code {...}} word, whose text is a nested specification
 * @param pos the position of the word's first character (the brace or quote for those)
 */
public record VtcWord(String text, boolean braced, SourcePos pos) {

    /** Returns the position of the first character inside the braces of a braced word. */
    public SourcePos contentPos() {
        return braced ? new SourcePos(pos.file(), pos.line(), pos.column() + 1) : pos;
    }
}
