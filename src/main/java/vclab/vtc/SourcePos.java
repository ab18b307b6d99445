package vclab.vtc;

/**
 * A position in a VTC script: the file as named on the command line, and 1-based line and
 * column (a tab counts as one column).
 */
public record SourcePos(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
