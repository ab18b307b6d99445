package vclab.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The bit-set parameters: debug, experimental, feature, vcc_feature (trunk) and vsl_mask.
 * Values are lists of {@code +name}/{@code -name} words separated by commas; vsl_mask sets a
 * bit to mask a tag, so its "on" sign is {@code -}.
 *
 * <p>The releases differ. 7.1 accepts "none" (clear all, only for the + sets) and "default"
 * (unless the default is "none"), prints only the set bits, and clears with a byte count that
 * leaves the bits of a last partial byte untouched. Trunk accepts "all", "none" and "default"
 * for every set, and prints "all" or "none" first, then the exceptions.
 */
final class ParamBits {
    private ParamBits() {
    }

    /** The mapping of one bit-set parameter's bit numbers to names. */
    private record Layout(String[] tags, int length, char sign, String description) {
    }

    private static Layout layout(ParamStore store, String type) {
        List<String> names = store.table().bitNames(type);
        if (type.equals("vsl_mask")) {
            String[] tags = new String[256];
            for (int i = 0; i < names.size(); i++) {
                tags[i + 1] = names.get(i);
            }
            return new Layout(tags, 254, '-', "VSL tag");
        }
        String[] tags = names.toArray(new String[names.size() + 1]);
        return new Layout(tags, names.size(), '+', type + " bit");
    }

    /** Returns the initial value: every bit clear, sized in whole bytes as varnishd stores it. */
    static boolean[] emptyBits(ParamStore store, String type) {
        Layout layout = layout(store, type);
        return new boolean[(layout.length() + 7) / 8 * 8];
    }

    static boolean tweak(ParamStore store, ParamState p, String name, String arg, boolean json,
            StringBuilder vsb) {
        Layout layout = layout(store, p.spec.type());
        boolean[] bits = (boolean[]) p.value;
        if (store.dialect() == Dialect.V7_1) {
            return tweak71(store, p, layout, bits, arg, json, vsb);
        }
        if (arg != null && p.spec.type().equals("vcc_feature") && !name.equals("vcc_feature")) {
            Boolean on = ParamTweaks.parseBoolean(arg);
            if (on == null) {
                vsb.append("use \"on\" or \"off\"\n");
                return false;
            }
            String word = (on ? "+" : "-") + name.substring("vcc_".length());
            return tweak(store, p, "vcc_feature", word, false, vsb);
        }
        return tweakTrunk(store, p, layout, bits, arg, json, vsb);
    }

    private static boolean tweak71(ParamStore store, ParamState p, Layout layout,
            boolean[] bits, String arg, boolean json, StringBuilder vsb) {
        if (arg != null && arg.equals("default") && !p.def.equals("none")) {
            clear(bits, (layout.length() >> 3) * 8);
            return tweak71(store, p, layout, bits, p.def, false, vsb);
        }
        if (arg != null) {
            if (layout.sign() == '+' && arg.equals("none")) {
                clear(bits, (layout.length() >> 3) * 8);
                return true;
            }
            return apply(store, layout, bits, arg, vsb);
        }
        if (json) {
            vsb.append('"');
        }
        String separator = "";
        for (int j = 0; j < layout.length(); j++) {
            if (bits[j]) {
                vsb.append(separator).append(layout.sign()).append(tagOrNull(layout, j));
                separator = ",";
            }
        }
        if (separator.isEmpty()) {
            vsb.append(layout.sign() == '+' ? "none" : "(all enabled)");
        }
        if (json) {
            vsb.append('"');
        }
        return true;
    }

    private static boolean tweakTrunk(ParamStore store, ParamState p, Layout layout,
            boolean[] bits, String arg, boolean json, StringBuilder vsb) {
        if (arg != null && arg.equals("default")) {
            return tweakTrunk(store, p, layout, bits, p.def, false, vsb);
        }
        if (arg != null) {
            return apply(store, layout, bits, arg, vsb);
        }
        boolean all = true;
        for (int j = 0; all && j < layout.length(); j++) {
            if (layout.tags()[j] != null && !bits[j]) {
                all = false;
            }
        }
        if (json) {
            vsb.append('"');
        }
        boolean plus = layout.sign() == '+';
        vsb.append(all == plus ? "all" : "none");
        for (int j = 0; !all && j < layout.length(); j++) {
            if (layout.tags()[j] != null && bits[j]) {
                vsb.append(',').append(layout.sign()).append(layout.tags()[j]);
            }
        }
        if (json) {
            vsb.append('"');
        }
        return true;
    }

    /**
     * Applies each word in turn. A word that fails stops the parse, but the bits changed by
     * the words before it stay changed, as in varnishd.
     */
    private static boolean apply(ParamStore store, Layout layout, boolean[] bits, String arg,
            StringBuilder vsb) {
        ParamWords.Result words = ParamWords.split(store.dialect(), arg);
        if (words.error() != null) {
            vsb.append("Cannot parse: ").append(words.error()).append('\n');
            return false;
        }
        boolean trunk = store.dialect() == Dialect.TRUNK;
        for (String word : words.words()) {
            if (trunk && applyKeyword(layout, bits, word)) {
                continue;
            }
            if (!word.startsWith("-") && !word.startsWith("+")) {
                vsb.append("Missing '+' or '-' (").append(word).append(")\n");
                return false;
            }
            int j = find(layout, word.substring(1));
            if (j < 0) {
                vsb.append("Unknown ").append(layout.description()).append(" (").append(word)
                        .append(")\n");
                return false;
            }
            bits[j] = word.charAt(0) == layout.sign();
        }
        return true;
    }

    /** Trunk's "all" and "none" words; true when word was one of them. */
    private static boolean applyKeyword(Layout layout, boolean[] bits, String word) {
        boolean plus = layout.sign() == '+';
        if (word.equals("none") || word.equals("all")) {
            boolean set = word.equals("all") == plus;
            Arrays.fill(bits, set);
            return true;
        }
        return false;
    }

    private static int find(Layout layout, String name) {
        for (int j = 0; j < layout.length(); j++) {
            String tag = layout.tags()[j];
            if (tag != null && CFormat.equalsIgnoreAsciiCase(name, tag)) {
                return j;
            }
        }
        return -1;
    }

    private static String tagOrNull(Layout layout, int j) {
        String tag = layout.tags()[j];
        return tag == null ? "(null)" : tag;
    }

    private static void clear(boolean[] bits, int count) {
        for (int j = 0; j < count; j++) {
            bits[j] = false;
        }
    }
}
