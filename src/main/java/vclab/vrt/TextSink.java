package vclab.vrt;

/**
 * Where a director writes its {@code backend.list} columns and details: varnishd's VSB,
 * whose indentation applies at the start of each write that begins a line.
 */
public interface TextSink {
    void print(String text);

    /** Changes the indentation of later writes by {@code delta} spaces. */
    default void indent(int delta) {
    }

    /** A sink that collects plain text and ignores indentation. */
    static TextSink of(StringBuilder sb) {
        return sb::append;
    }
}
