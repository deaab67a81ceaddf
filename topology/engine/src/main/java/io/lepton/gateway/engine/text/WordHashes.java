package io.lepton.gateway.engine.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of lower-case words looked up by a 64-bit FNV-1a hash of the text's characters, lower-cased on the fly, so
 * testing a word of the text allocates nothing (a {@code Set<String>} lookup would need a lower-cased copy of every
 * word the scanner passes). A hash collision can only make an unknown word look known, at a chance near 2^-50 per
 * lookup for lists of a few thousand words.
 *
 * <p>Each word may carry a small value (flags or an index), so one look-up both recognises a word and says which list
 * it is on.
 *
 * <p>Before hashing, a word is tested against the (length, first character) and (length, last character) pairs of the
 * list: most words of a text fail that test, so a lookup usually costs two array reads instead of a hash over the word and a binary
 * search.
 */
final class WordHashes {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** Lengths below this have a first-character filter; longer words are always hashed. */
    private static final int FILTERED_LENGTHS = 32;

    private final long[] sorted;
    /** The value of the word whose hash is {@code sorted[i]}; never 0. */
    private final int[] values;
    /** Bit {@code firstChar & 63} of entry {@code length}: some word of that length starts with such a character. */
    private final long[] firstCharsByLength;
    /** The same for the last character. */
    private final long[] lastCharsByLength;

    private WordHashes(long[] sorted, int[] values, long[] firstCharsByLength, long[] lastCharsByLength) {
        this.sorted = sorted;
        this.values = values;
        this.firstCharsByLength = firstCharsByLength;
        this.lastCharsByLength = lastCharsByLength;
    }

    static WordHashes of(Collection<String> words) {
        Map<String, Integer> valued = new TreeMap<>();
        for (String w : words) {
            valued.put(w, 1);
        }
        return of(valued);
    }

    /** Words with their values, each value not 0 (0 is what {@link #value} returns for an unknown word). */
    static WordHashes of(Map<String, Integer> words) {
        TreeMap<Long, Integer> byHash = new TreeMap<>();
        long[] firstChars = new long[FILTERED_LENGTHS];
        long[] lastChars = new long[FILTERED_LENGTHS];
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            String w = e.getKey();
            if (e.getValue() == 0) {
                throw new IllegalArgumentException("value 0 means absent");
            }
            byHash.put(hash(w, 0, w.length()), e.getValue());
            if (!w.isEmpty() && w.length() < FILTERED_LENGTHS) {
                firstChars[w.length()] |= charBit(w.charAt(0));
                lastChars[w.length()] |= charBit(w.charAt(w.length() - 1));
            }
        }
        return new WordHashes(byHash.keySet().stream().mapToLong(Long::longValue).toArray(),
            byHash.values().stream().mapToInt(Integer::intValue).toArray(), firstChars, lastChars);
    }

    boolean contains(CharSequence text, int start, int end) {
        return value(text, start, end) != 0;
    }

    /** The value of the word {@code text[start, end)}, ignoring case, or 0 when it is not in the set. */
    int value(CharSequence text, int start, int end) {
        int length = end - start;
        if (length <= 0 || (length < FILTERED_LENGTHS
            && ((firstCharsByLength[length] & charBit(text.charAt(start))) == 0
            || (lastCharsByLength[length] & charBit(text.charAt(end - 1))) == 0))) {
            return 0;
        }
        int i = Arrays.binarySearch(sorted, hash(text, start, end));
        return i >= 0 ? values[i] : 0;
    }

    private static long charBit(char c) {
        return 1L << (lower(c) & 63);
    }

    private static char lower(char c) {
        return c < 128 ? CharClasses.asciiLower(c) : Character.toLowerCase(c);
    }

    boolean containsHash(long hash) {
        return Arrays.binarySearch(sorted, hash) >= 0;
    }

    static long hash(CharSequence text, int start, int end) {
        long h = OFFSET;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            h = (h ^ lower(c)) * PRIME;
        }
        return h;
    }
}
