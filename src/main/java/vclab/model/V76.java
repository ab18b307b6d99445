package vclab.model;

import vclab.vrt.ReleaseFacts;

/**
 * Varnish 7.6: as 7.5, but the temperature stores of warm-up and cool-down are made under
 * {@code vcl_mtx} (the rollback's cold store stays plain), and probes have the state machine
 * whose double enable panics with "Wrong turn". The double WARM of issue 4199 is present.
 */
public final class V76 extends V75 {
    static final ReleaseFacts RELEASE = new ReleaseFacts("7.6.0",
            "ed1243ca162a7b1d975bc0332f0d66d33f0bc78e", "20.0", true, 712, 721, 773, 0, 252,
            150, "(vdir)->magic == 0xbf726c7d", 362, 0L);

    @Override
    public String id() {
        return "v7.6";
    }

    @Override
    public String description() {
        return "Varnish 7.6: stores under vcl_mtx, probe state machine; issue 4199 present";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    @Override
    protected boolean lockedStores() {
        return true;
    }
}
