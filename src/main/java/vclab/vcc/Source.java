package vclab.vcc;

/**
 * One VCL source that takes part in a compilation: the main file or inline text, an
 * included file or the builtin VCL. Like VCC, the text ends at its first NUL character.
 */
final class Source {
    /** How VCC names the source's origin in "Recursive use of ..." messages. */
    static final String KIND_INLINE = "vcl.inline";
    static final String KIND_FILE = "file";
    static final String KIND_BUILTIN = "builtin";

    final String name;
    final String kind;
    final String text;
    final Source parent;
    final VclToken parentToken;
    int index = -1;
    private int[] lineStarts;

    Source(String name, String kind, String text, Source parent, VclToken parentToken) {
        this.name = name;
        this.kind = kind;
        int nul = text.indexOf('\0');
        this.text = nul < 0 ? text : text.substring(0, nul);
        this.parent = parent;
        this.parentToken = parentToken;
    }

    /** Offsets at which lines start, computed on first use. */
    int[] lineStarts() {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            int[] a = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    a[k++] = i + 1;
                }
            }
            lineStarts = a;
        }
        return lineStarts;
    }
}
