package vclab.explore;

import java.util.Arrays;

/** A growable set of small non-negative integers (thread ids or indices), reused across runs. */
final class ThreadSet {
    private long[] words = new long[1];

    void add(int i) {
        int w = i >>> 6;
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
        }
        words[w] |= 1L << i;
    }

    void remove(int i) {
        int w = i >>> 6;
        if (w < words.length) {
            words[w] &= ~(1L << i);
        }
    }

    boolean contains(int i) {
        int w = i >>> 6;
        return w < words.length && (words[w] & (1L << i)) != 0;
    }

    boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        Arrays.fill(words, 0);
    }

    void copyFrom(ThreadSet other) {
        if (words.length < other.words.length) {
            words = new long[other.words.length];
        }
        Arrays.fill(words, 0);
        System.arraycopy(other.words, 0, words, 0, other.words.length);
    }

    /** Returns the smallest member at or after {@code from}, or -1. */
    int next(int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return w * 64 + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    /** Returns the members as an array, for work items handed between workers. */
    int[] toArray() {
        int n = 0;
        for (int i = next(0); i >= 0; i = next(i + 1)) {
            n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = next(0); i >= 0; i = next(i + 1)) {
            out[n++] = i;
        }
        return out;
    }
}
