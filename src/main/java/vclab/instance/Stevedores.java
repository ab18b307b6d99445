package vclab.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage backends ("stevedores") that varnishd configures from its {@code -s} arguments,
 * as mgt_stevedore.c in 7.1.1 does: {@code -s [name=]strategy[,options]}, unnamed ones called
 * {@code s0}, {@code s1}, ... in order, {@code -s default,100m} when no {@code -s} is given,
 * and a Transient storage of strategy {@code default} unless one was named Transient. Only
 * the names and strategies are modelled; sizes and other options are not checked.
 */
final class Stevedores {
    static final String TRANSIENT = "Transient";

    /** One storage: its name ({@code s0}, {@code Transient}) and its strategy's name. */
    record Storage(String ident, String strategy) {
    }

    /** How many configurations {@link #CONFIGURED} keeps. */
    private static final int MAX_CONFIGURED = 64;
    /**
     * Configurations by their -s values. A configuration never changes once made, so the
     * simulated varnishds of one JVM share them.
     */
    private static final Map<List<String>, Stevedores> CONFIGURED = new ConcurrentHashMap<>();

    private final List<Storage> storages = new ArrayList<>();
    private final StringBuilder choices = new StringBuilder();
    private String error;
    private int unnamed;
    private List<String> idents;

    private Stevedores() {
    }

    /** Configures the storages of the {@code -s} values in order and records the first error. */
    static Stevedores configure(List<String> specs) {
        Stevedores cached = CONFIGURED.get(specs);
        if (cached != null) {
            return cached;
        }
        Stevedores configured = make(specs);
        if (CONFIGURED.size() >= MAX_CONFIGURED) {
            CONFIGURED.clear();
        }
        CONFIGURED.put(List.copyOf(specs), configured);
        return configured;
    }

    private static Stevedores make(List<String> specs) {
        Stevedores s = new Stevedores();
        for (String spec : specs.isEmpty() ? List.of("default,100m") : specs) {
            if (!s.add(spec)) {
                return s;
            }
        }
        boolean hasTransient = s.storages.stream().anyMatch(t -> t.ident().equals(TRANSIENT));
        if (!hasTransient) {
            s.add(TRANSIENT + "=default");
        }
        Storage transientStorage = s.storages.stream()
                .filter(t -> t.ident().equals(TRANSIENT)).findFirst().orElseThrow();
        s.storages.remove(transientStorage);
        s.storages.add(transientStorage);
        s.idents = s.storages.stream().map(Storage::ident).toList();
        return s;
    }

    /** Storages in storage.list order: the configured ones, then Transient. */
    List<Storage> storages() {
        return List.copyOf(storages);
    }

    List<String> idents() {
        return idents != null ? idents : storages.stream().map(Storage::ident).toList();
    }

    /** Returns the {@code -s} part of the banner's platform line: {@code -smalloc,-sdefault}. */
    String platformChoices() {
        return choices.substring(1);
    }

    /**
     * varnishd's start-up error (printed after "Error: " and followed by a usage hint), or
     * null if every -s was good.
     */
    String error() {
        return error;
    }

    private boolean add(String spec) {
        String ident = null;
        String rest = spec;
        int eq = spec.indexOf('=');
        int comma = spec.indexOf(',');
        if (eq >= 0 && (comma < 0 || eq < comma)) {
            ident = spec.substring(0, eq);
            rest = spec.substring(eq + 1);
            if (!validName(ident)) {
                return fail("invalid -s name \"" + ident + "\"=[...]");
            }
            if (rest.isEmpty()) {
                return fail("Empty named -s argument \"" + spec + "\"");
            }
        }

        if (rest.isEmpty()) {
            return fail("-s argument lacks strategy {malloc, file, ...}");
        }
        String word = rest.split(",", -1)[0];
        String strategy = strategyName(word);
        if (strategy == null) {
            return fail("Unknown storage method \"" + word + "\"");
        }
        choices.append(",-s").append(word);

        if (ident == null) {
            ident = "s" + unnamed++;
        }
        for (Storage s : storages) {
            if (s.ident().equals(ident)) {
                return fail("(-s " + spec + ") '" + ident + "' is already defined");
            }
        }
        storages.add(new Storage(ident, strategy));
        return true;
    }

    /**
     * Maps a strategy word to the name storage.list prints, as Debian's 7.1.1 build does (it
     * has no umem and no persistent storage); returns null for an unknown word.
     */
    private static String strategyName(String word) {
        return switch (word) {
            case "malloc", "default" -> "malloc";
            case "file" -> "file";
            case "debug" -> "debug";
            default -> null;
        };
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || name.charAt(0) > 0x7f) {
            return false;
        }
        for (char c : name.toCharArray()) {
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean fail(String message) {
        error = message;
        return false;
    }
}
