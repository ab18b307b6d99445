package vclab.vtc;

import java.util.List;

/** Reads what a server specification would send, without running it. */
final class ServerSpecs {

    private ServerSpecs() {
    }

    /**
     * Returns the answer of the first {@code txresp} of the specification (200 unless it has
     * {@code -status N}), looking inside {@code loop} bodies; no response if it has none.
     */
    static VtcServer.ProbeAnswer probeAnswer(String spec) {
        Integer status = spec == null ? null : firstStatus(spec);
        return status == null ? new VtcServer.ProbeAnswer(VtcServer.ProbeKind.NO_RESPONSE, 0)
                : new VtcServer.ProbeAnswer(VtcServer.ProbeKind.STATUS, status);
    }

    private static Integer firstStatus(String spec) {
        ParsedScript script = VtcScriptParser.parse(spec, new SourcePos("spec", 1, 1));
        for (VtcCommand c : script.commands()) {
            List<VtcWord> w = c.words();
            if (c.name().equals("txresp")) {
                int status = 200;
                for (int i = 1; i + 1 < w.size(); i++) {
                    if (w.get(i).text().equals("-status")) {
                        status = ShellCommand.atoi(w.get(i + 1).text());
                    }
                }
                return status;
            }
            if (c.name().equals("loop") && w.size() >= 3
                    && Interpreter.parseUnsigned(w.get(1).text()) > 0) {
                Integer inner = firstStatus(w.get(2).text());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
