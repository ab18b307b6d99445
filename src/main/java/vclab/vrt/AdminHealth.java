package vclab.vrt;

import java.util.Locale;

/** A director's administrative health, set by {@code backend.set_health} or deletion. */
public enum AdminHealth {
    AUTO, HEALTHY, SICK, DELETED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code backend.set_health} state word, case-insensitively; null if invalid. */
    public static AdminHealth parse(String word) {
        for (AdminHealth h : values()) {
            if (h != DELETED && h.name().equalsIgnoreCase(word)) {
                return h;
            }
        }
        return null;
    }
}
