package vclab.vcc;

/**
 * A position in a VCL source as VCC prints it: the source name, the line from 1 and the
 * position in the line from 1, where a TAB advances to the next multiple of 8.
 */
public record SourcePos(String source, int line, int pos) {
    @Override
    public String toString() {
        return "('" + source + "' Line " + line + " Pos " + pos + ")";
    }
}
