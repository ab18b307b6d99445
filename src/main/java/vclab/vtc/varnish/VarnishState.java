package vclab.vtc.varnish;

import java.util.ArrayList;
import java.util.List;
import vclab.cli.CliSession;
import vclab.instance.Instance;

/** One {@code varnish vNAME} of a test: its start-up arguments and, once launched, the model. */
final class VarnishState {
    final String name;
    final List<String> args = new ArrayList<>();
    boolean hasAArg;
    String jail = "";
    String proto;
    String model;
    int expectExit;
    double syntax = 4.1;
    int vclNumber;
    Instance instance;
    CliSession session;
    boolean launched;
    boolean cleanedUp;
    String launchError;

    VarnishState(String name) {
        this.name = name;
    }
}
