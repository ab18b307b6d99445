package vclab.vcc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ".name = " prefix of backend and probe attributes, with VCC's checks for unknown and
 * repeated names (vcc_backend_util.c).
 */
final class Fields {
    private final Compilation tl;
    private final List<String> names;
    private final Map<String, VclToken> found = new HashMap<>();

    Fields(Compilation tl, List<String> names) {
        this.tl = tl;
        this.names = names;
    }

    /** vcc_IsField: returns the name token, with the current token after '='. */
    VclToken isField() {
        if (!tl.skip(Tok.DOT, Site.FIELD_DOT) || !tl.expectErr(Tok.ID, Site.FIELD_ID)) {
            return null;
        }
        VclToken field = tl.t;
        tl.next();
        if (!tl.skip(Tok.ASSIGN, Site.FIELD_ASSIGN)) {
            return null;
        }
        for (String n : names) {
            if (!field.idIs(n)) {
                continue;
            }
            VclToken first = found.get(n);
            if (first == null) {
                found.put(n, field);
                return field;
            }
            tl.sb.cat("Field ");
            tl.errToken(field);
            tl.sb.cat(" redefined at:\n");
            tl.errWhere(field);
            tl.sb.cat("\nFirst defined at:\n");
            tl.errWhere(first);
            return field;
        }
        tl.sb.cat("Unknown field: ");
        tl.errToken(field);
        tl.sb.cat(" at\n");
        tl.errWhere(field);
        return field;
    }

    /** vcc_Redef: .url and .request exclude each other, so do .host and .path. */
    static boolean redef(Compilation tl, String what, VclToken[] tDid, VclToken field) {
        if (tDid[0] != null) {
            tl.sb.cat(what).cat(" redefinition at:\n");
            tl.errWhere(field);
            tl.sb.cat("Previous definition:\n");
            tl.errWhere(tDid[0]);
            return false;
        }
        tDid[0] = field;
        return true;
    }
}
