package io.lepton.gateway.engine.text.corpusv2;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores corpus v2 against a scrubber's output and prints the tables.
 *
 * <p>Definitions. A labelled span is <b>recalled</b> when every letter and digit inside it (as
 * {@link Character#isLetterOrDigit}: full-width forms and CJK included) was replaced; separators, invisible characters
 * and punctuation may remain. It is <b>partial</b> when some but not all were replaced (a fragment leaked), and
 * <b>typed</b> when a replaced stretch overlapping it carried the labelled type. A negative is <b>kept</b> when the
 * scrubber returned it unchanged. <b>Collateral</b> counts positive texts where a letter or digit outside every
 * labelled span was replaced (over-scrubbing next to real PII).
 */
public final class RecallReport {

    /** Counts for one row. */
    public static final class Tally {
        int total;
        int recalled;
        int partial;
        int typed;

        public int total() {
            return total;
        }

        public double recall() {
            return total == 0 ? Double.NaN : (double) recalled / total;
        }
    }

    private final Map<String, Tally> byTypeTier = new TreeMap<>();
    private final Map<String, Tally> byFormat = new TreeMap<>();
    private final Map<String, Tally> byLang = new TreeMap<>();
    private final Map<String, Tally> names = new TreeMap<>();
    private final Map<String, int[]> negatives = new TreeMap<>();
    private int positiveTexts;
    private int collateralTexts;

    public void addPositive(CorpusV2.Positive p, List<ScrubAudit.Removed> removed) {
        positiveTexts++;
        for (CorpusV2.Span s : p.spans()) {
            int surviving = ScrubAudit.survivingAlnum(p.text(), s.start(), s.end(), removed);
            int all = ScrubAudit.alnum(p.text(), s.start(), s.end());
            boolean typed = removed.stream().anyMatch(r -> r.start() < s.end() && r.end() > s.start()
                    && r.type().equals(s.type()));
            for (Tally t : List.of(tally(byTypeTier, s.type() + "|" + s.tier()),
                    tally(byFormat, s.type() + "|" + s.tier() + "|" + s.format()),
                    tally(byLang, p.lang() + "|" + s.tier()))) {
                count(t, surviving, all, typed);
            }
            if (s.type().equals("PERSON_NAME")) {
                count(tally(names, (s.format().startsWith("uncued") ? "uncued" : "cued") + "|" + s.tier()), surviving,
                        all, typed);
            }
        }
        int outside = 0;
        for (ScrubAudit.Removed r : removed) {
            for (int i = r.start(); i < r.end(); i++) {
                final int at = i;
                if (Character.isLetterOrDigit(p.text().charAt(i))
                        && p.spans().stream().noneMatch(s -> at >= s.start() && at < s.end())) {
                    outside++;
                }
            }
        }
        collateralTexts += outside > 0 ? 1 : 0;
    }

    public void addNegative(CorpusV2.Negative n, boolean kept) {
        int[] c = negatives.computeIfAbsent(n.cls(), k -> new int[2]);
        c[0] += kept ? 1 : 0;
        c[1]++;
    }

    private static void count(Tally t, int surviving, int all, boolean typed) {
        t.total++;
        t.recalled += surviving == 0 ? 1 : 0;
        t.partial += surviving > 0 && surviving < all ? 1 : 0;
        t.typed += typed ? 1 : 0;
    }

    private static Tally tally(Map<String, Tally> map, String key) {
        return map.computeIfAbsent(key, k -> new Tally());
    }

    public Map<String, Tally> byTypeTier() {
        return byTypeTier;
    }

    public Map<String, Tally> names() {
        return names;
    }

    /** Kept negatives over all negatives. */
    public double negativeRetention() {
        int kept = negatives.values().stream().mapToInt(c -> c[0]).sum();
        int total = negatives.values().stream().mapToInt(c -> c[1]).sum();
        return (double) kept / total;
    }

    public Map<String, int[]> negatives() {
        return negatives;
    }

    public String render() {
        StringBuilder out = new StringBuilder("\n=== Free-text corpus v2: recall per type and tier ===\n");
        out.append(String.format("%-16s %-7s %6s %8s %8s %8s%n", "type", "tier", "spans", "recall", "partial", "typed"));
        byTypeTier.forEach((k, t) -> row(out, k.split("\\|"), t, "%-16s %-7s"));
        out.append("\n--- names (cued / uncued) ---\n");
        names.forEach((k, t) -> row(out, k.split("\\|"), t, "%-16s %-7s"));
        out.append("\n--- per language and tier (all types) ---\n");
        byLang.forEach((k, t) -> row(out, k.split("\\|"), t, "%-16s %-7s"));
        out.append("\n--- per format class (type | tier | format) ---\n");
        byFormat.forEach((k, t) -> {
            String[] p = k.split("\\|");
            row(out, new String[] {p[0], p[1], p[2]}, t, "%-16s %-7s %-34s");
        });
        out.append("\n--- negatives kept unchanged, per class ---\n");
        negatives.forEach((cls, c) -> out.append(String.format("%-28s %4d/%-4d %8.3f%n", cls, c[0], c[1],
                (double) c[0] / c[1])));
        out.append(String.format("%-28s %13.3f%n", "ALL NEGATIVES", negativeRetention()));
        out.append(String.format("positive texts with collateral removal outside labelled spans: %d/%d%n",
                collateralTexts, positiveTexts));
        return out.toString();
    }

    private static void row(StringBuilder out, String[] key, Tally t, String keyFormat) {
        out.append(String.format(keyFormat, (Object[]) key)).append(String.format(" %6d %8.3f %8.3f %8.3f%n",
                t.total, t.recall(), (double) t.partial / t.total, (double) t.typed / t.total));
    }
}
