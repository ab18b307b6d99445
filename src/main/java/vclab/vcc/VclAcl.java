package vclab.vcc;

import java.util.List;

/**
 * An ACL with its entries in VCC's order: by address, a longer prefix before a shorter one
 * it falls in, so the first entry that matches decides. Duplicates are dropped, and in
 * Varnish 8.0 entries covered by another are folded away (+fold).
 *
 * @param log whether +log was given: matches are logged
 */
public record VclAcl(String name, boolean log, List<Entry> entries, SourcePos pos) {

    public VclAcl {
        entries = List.copyOf(entries);
    }

    /**
     * One address entry after resolution: a name that resolves to several addresses gives
     * one entry per address.
     *
     * @param negated a "!" entry: a match means "not in the ACL"
     * @param address the numeric address (IPv4 or IPv6) with its host bits cleared
     * @param prefix the mask length in bits
     * @param text the entry as written, for log records
     */
    public record Entry(boolean negated, String address, int prefix, String text) {
    }
}
