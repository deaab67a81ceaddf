package io.lepton.gateway.engine.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A set of lower-case words looked up by a 64-bit FNV-1a hash of the text's characters, lower-cased on the fly, so
 * testing a word of the text allocates nothing (a {@code Set<String>} lookup would need a lower-cased copy of every
 * word the scanner passes). A hash collision can only make an unknown word look known, at a chance near 2^-50 per
 * lookup for lists of a few thousand words.
 */
final class WordHashes {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private final long[] sorted;

    private WordHashes(long[] sorted) {
        this.sorted = sorted;
    }

    static WordHashes of(Collection<String> words) {
        TreeSet<Long> hashes = new TreeSet<>();
        for (String w : words) {
            hashes.add(hash(w, 0, w.length()));
        }
        return new WordHashes(hashes.stream().mapToLong(Long::longValue).toArray());
    }

    boolean contains(CharSequence text, int start, int end) {
        return Arrays.binarySearch(sorted, hash(text, start, end)) >= 0;
    }

    boolean containsHash(long hash) {
        return Arrays.binarySearch(sorted, hash) >= 0;
    }

    static long hash(CharSequence text, int start, int end) {
        long h = OFFSET;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            h = (h ^ (c < 128 ? CharClasses.asciiLower(c) : Character.toLowerCase(c))) * PRIME;
        }
        return h;
    }
}
