package vclab.vtc;

import java.util.List;
import java.util.Locale;

/** The shared-memory log tag names of Varnish 7.1, and its rules for looking one up. */
final class VslTags {
    static final List<String> NAMES = List.of("Debug", "Error", "CLI", "SessOpen", "SessClose",
            "BackendOpen", "BackendReuse", "BackendClose", "HttpGarbage", "Proxy",
            "ProxyGarbage", "Backend", "Length", "FetchError",
            "ReqMethod", "ReqURL", "ReqProtocol", "ReqStatus", "ReqReason", "ReqHeader",
            "ReqUnset", "ReqLost",
            "RespMethod", "RespURL", "RespProtocol", "RespStatus", "RespReason", "RespHeader",
            "RespUnset", "RespLost",
            "BereqMethod", "BereqURL", "BereqProtocol", "BereqStatus", "BereqReason",
            "BereqHeader", "BereqUnset", "BereqLost",
            "BerespMethod", "BerespURL", "BerespProtocol", "BerespStatus", "BerespReason",
            "BerespHeader", "BerespUnset", "BerespLost",
            "ObjMethod", "ObjURL", "ObjProtocol", "ObjStatus", "ObjReason", "ObjHeader",
            "ObjUnset", "ObjLost",
            "BogoHeader", "LostHeader", "TTL", "Fetch_Body", "VCL_acl", "VCL_call",
            "VCL_trace", "VCL_return", "ReqStart", "Hit", "HitPass", "ExpBan", "ExpKill",
            "WorkThread", "ESI_xmlerror", "Hash", "Backend_health", "VCL_Log", "VCL_Error",
            "Gzip", "Link", "Begin", "End", "VSL", "Storage", "Timestamp", "ReqAcct",
            "PipeAcct", "BereqAcct", "VfpAcct", "Witness", "BackendStart", "H2RxHdr",
            "H2RxBody", "H2TxHdr", "H2TxBody", "HitMiss", "Filters", "SessError", "VCL_use",
            "Notice", "VdpAcct");

    private VslTags() {
    }

    /**
     * Returns the tag of {@code name}: an exact match ignoring case, else the only tag that it
     * is a prefix of; null if none or several.
     */
    static String lookup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String found = null;
        int count = 0;
        for (String tag : NAMES) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (t.equals(lower)) {
                return tag;
            }
            if (!lower.isEmpty() && t.startsWith(lower)) {
                found = tag;
                count++;
            }
        }
        return count == 1 ? found : null;
    }

    /** Returns the grouping named by an unambiguous, case-insensitive prefix, or null. */
    static String grouping(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String found = null;
        for (String g : List.of("raw", "vxid", "request", "session")) {
            if (g.equals(lower)) {
                return g;
            }
            if (!lower.isEmpty() && g.startsWith(lower)) {
                if (found != null) {
                    return null;
                }
                found = g;
            }
        }
        return found;
    }
}
