package vclab.cli;

import java.util.List;

/** The CLI commands {@code param.show}, {@code param.set} and {@code param.reset}. */
public final class ParamCommands {
    private final ParamStore store;

    public ParamCommands(ParamStore store) {
        this.store = store;
    }

    /** Registers the three commands with the manager's dispatcher. */
    public void register(CliDispatcher dispatcher) {
        dispatcher.register("param.show", this::show);
        dispatcher.register("param.set", this::set);
        dispatcher.register("param.reset", this::reset);
    }

    /** {@code param.show [-l|-j] [<param>|changed]}. */
    public void show(CliCall call) {
        ParamShow show = new ParamShow(store, call.out());
        if (call.json()) {
            show.json(call.argv(), call.host().now());
        } else {
            show.plain(call.args());
        }
    }

    /**
     * {@code param.set [-j] <param> <value>}. With {@code -j}, a successful set replies with
     * the output of {@code param.show -j <param>} under the argv {@code param.set -j <param>}.
     */
    public void set(CliCall call) {
        List<String> args = call.args();
        int first = call.json() ? 1 : 0;
        store.set(call.out(), args.get(first), args.get(first + 1), call.host().childRunning());
        showAfterChange(call);
    }

    /** {@code param.reset [-j] <param>}; the JSON form exists in trunk only. */
    public void reset(CliCall call) {
        List<String> args = call.args();
        int first = call.json() ? 1 : 0;
        store.set(call.out(), args.get(first), null, call.host().childRunning());
        showAfterChange(call);
    }

    private void showAfterChange(CliCall call) {
        if (call.json() && call.out().status() == CliStatus.OK) {
            new ParamShow(store, call.out()).json(call.argv().subList(0, 3), call.host().now());
        }
    }
}
