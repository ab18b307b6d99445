package vclab.instance;

import vclab.cli.ParamStore;
import vclab.vcl.Params;

/** The model's view of the CLI layer's parameter store. */
final class ParamsAdapter implements Params {
    private final ParamStore store;

    ParamsAdapter(ParamStore store) {
        this.store = store;
    }

    @Override
    public long durationNanos(String name) {
        return store.durationNanos(name);
    }

    @Override
    public long uint(String name) {
        return store.uint(name);
    }

    @Override
    public long bytes(String name) {
        return store.bytes(name);
    }

    @Override
    public boolean bool(String name) {
        return store.bool(name);
    }

    @Override
    public boolean bit(String name, String bit) {
        return store.bit(name, bit);
    }
}
