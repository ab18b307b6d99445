package vclab.model;

import vclab.vcl.DirectorRegistry;
import vclab.vrt.Director;
import vclab.vrt.Panic;
import vclab.vrt.ReleaseFacts;

/**
 * The master branch from 2025-05-22 to 2025-05-26 (commit b9a204082): 8.0's checkpoint with
 * a rollback walk that, after each COLD, takes "the element after the checkpoint" again
 * instead of the element after the current one. With two or more delta directors the first
 * gets COLD again and again; with no checkpoint the walk dereferences a null pointer.
 */
public final class B9a2040 extends V80 {
    static final ReleaseFacts RELEASE = new ReleaseFacts("trunk",
            "b9a204082d73f3347b95e2c58e840849888d4ce2", "21.0", true, 709, 718, 770, 0, 252,
            150, "(vdir)->magic == 0xbf726c7d", 385, -1L);

    @Override
    public String id() {
        return "b9a2040";
    }

    @Override
    public String description() {
        return "master at b9a204082: 8.0's checkpoint with a broken rollback walk";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    @Override
    protected Director nextInDelta(DirectorRegistry r, Director d) {
        if (r.checkpoint == null) {
            throw Panic.wrong("cache/cache_main.c", 341,
                    "Signal 11 (Segmentation fault) received at 0x30 si_code 1");
        }
        return r.next(r.checkpoint);
    }
}
