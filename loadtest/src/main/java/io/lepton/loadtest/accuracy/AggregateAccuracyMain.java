package io.lepton.loadtest.accuracy;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.AggregateRelease;
import io.lepton.gateway.engine.aggregate.InMemoryByteStore;
import io.lepton.gateway.engine.aggregate.NoiseKeySource;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.aggregate.WindowedAggregator;
import io.lepton.gateway.engine.dp.DpBounds;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.FieldNoiser;
import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.AggregateSettings;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.MetricSpec;
import io.lepton.gateway.engine.policy.PolicySet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Measures the DP aggregates against the truth on a seeded stream of financial-sentiment events (default 1,000,000
 * over 24 hourly windows; 200,000 accounts; 2,000 instruments with Zipf(1.1) popularity, so per-hour groups range
 * from one subject to thousands; each account posts about a handful of favourite instruments, several times).
 *
 * <p>It runs eu-gdpr's built-in {@code by-instrument} aggregate (count, mean sentiment, approval rate; ε = 1 per
 * window, L0 = 2, L∞ = 3, 4 windows per subject per day), the same aggregate with a {@code sum} of {@code amount}
 * added (so sums are measured at the same ε and bounds), and a probe with the same bounds at ε = 20 whose count is
 * the bounded count. Per group-size band (true distinct subjects of the group in its window) it prints the median
 * and 90th-percentile error of each released metric against the true, unbounded aggregate, and the share of groups
 * key selection withheld. Beside it, the local-DP alternative an analyst has without this feature: the mean and sum
 * of the per-event noised values of the sanitized topic (eu-gdpr: Laplace ε = 0.5 per event, outputs clamped, a
 * subject's events beyond its daily budget of 4 withheld).
 *
 * <p>Usage: {@code java -cp 'loadtest/target/classes:…' io.lepton.loadtest.accuracy.AggregateAccuracyMain
 * [events] [seed]}; prints a Markdown table.
 */
public final class AggregateAccuracyMain {

    private static final long HOUR = 3_600_000L;
    /** 2025-12-01T00:00:00Z. */
    private static final long T0 = 1_764_547_200_000L;
    private static final int ACCOUNTS = 200_000;
    private static final int INSTRUMENTS = 2_000;
    private static final int[] BANDS = {1, 10, 30, 100, 300, 1_000, Integer.MAX_VALUE};

    private AggregateAccuracyMain() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        EventFamilies families = EventFamilies.discover();
        EventFamily family = families.byName("financial-sentiment").orElseThrow();
        JurisdictionPolicy eu = PolicySet.builtIn(PiiCatalog.knownClasses(families)).byId("eu-gdpr").orElseThrow();
        AggregateSpec builtIn = eu.aggregates().forFamily(family.name()).get(0);
        List<MetricSpec> withSum = new ArrayList<>(builtIn.metrics());
        withSum.add(new MetricSpec("amount-sum", MetricSpec.Kind.SUM, "amount", List.of()));
        AggregateSpec summed = new AggregateSpec("by-instrument-with-sum", builtIn.family(), builtIn.groupBy(),
                builtIn.windowSize(), builtIn.grace(), builtIn.maxGroupsPerSubject(),
                builtIn.maxContributionsPerGroup(), builtIn.mechanism(), builtIn.epsilon(), builtIn.rho(),
                builtIn.delta(), withSum, builtIn.source());
        // Same bounds at ε = 20 (count noise sd ≈ 0.4): its count is the bounded count, separating bias from noise.
        AggregateSpec probe = new AggregateSpec("bounding-probe", builtIn.family(), builtIn.groupBy(),
                builtIn.windowSize(), builtIn.grace(), builtIn.maxGroupsPerSubject(),
                builtIn.maxContributionsPerGroup(), builtIn.mechanism(), 20, builtIn.rho(), builtIn.delta(),
                List.of(new MetricSpec("posts", MetricSpec.Kind.COUNT, null, List.of())), builtIn.source());
        JurisdictionPolicy policy = new JurisdictionPolicy(eu.id(), eu.name(), eu.version(), eu.regions(),
                eu.residencyZone(), eu.crossBorder(), eu.pseudonymKeyId(), eu.subjectIdentity(), eu.actions(), eu.defaultAction(),
                eu.freeText(), eu.dp(), eu.fairness(), eu.source(), new AggregateSettings(
                        eu.aggregates().maxWindowsPerPeriod(), Map.of(family.name(), List.of(builtIn, summed, probe))));
        List<AggregateQuery> queries = AggregateQuery.bindAll(policy, family);
        // The gateway's own source: the jurisdiction's noise key through DP v2's NoiseKeys PRF.
        NoiseSource keys = new NoiseKeySource(new NoiseKeys(Map.of(eu.id(),
                Arrays.copyOf(("accuracy-" + seed).getBytes(StandardCharsets.UTF_8), 32))));
        WindowedAggregator aggregator = new WindowedAggregator(queries, new InMemoryByteStore(), keys);

        Truth truth = new Truth();
        LocalDp local = new LocalDp(eu.dp().epsilonPerEvent(), eu.dp().budgetEpsilon(), seed);
        SplittableRandom random = new SplittableRandom(seed);
        double[] popularity = zipf(INSTRUMENTS, 1.1);
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            GenericRecord event = nextEvent(family, random, popularity, i, events);
            long time = (Long) event.get("occurredAt");
            truth.add(event, time);
            local.add(event, time);
            for (AggregateQuery query : queries) {
                aggregator.accept(query.contribution(event, time, keys).orElseThrow());
            }
        }
        List<AggregateRelease> releases = aggregator.advanceTo(T0 + 26 * HOUR).releases();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "# DP aggregate accuracy: %,d financial-sentiment events, seed %d, %.0f s "
                + "(%,.0f events/s through %d aggregates)%n%n", events, seed, seconds, events / seconds,
                queries.size());
        printTable(truth, local, releases);
    }

    /** Account a picks its instruments from a small personal set, so a subject's events concentrate (as in life). */
    private static GenericRecord nextEvent(EventFamily family, SplittableRandom random, double[] popularity, int i,
            int events) {
        int account = (int) Math.min(ACCOUNTS - 1, Math.floor(Math.pow(random.nextDouble(), 2) * ACCOUNTS));
        SplittableRandom personal = new SplittableRandom(account * 7919L + random.nextInt(4));
        int instrument = sample(popularity, personal.nextDouble());
        long time = T0 + (long) ((double) i / events * 24 * HOUR) + random.nextInt(1000);
        double sentiment = Math.max(-1, Math.min(1, (instrument % 7 - 3) / 5.0 + random.nextGaussian() * 0.3));
        double amount = Math.min(100_000, Math.exp(8 + random.nextGaussian()));
        boolean approved = random.nextDouble() < 0.4 + 0.4 * ((instrument % 5) / 4.0);
        return new GenericRecordBuilder(family.rawSchema())
                .set("eventId", "ev-" + i).set("occurredAt", time).set("region", "DE")
                .set("accountId", "acct-" + account).set("instrument", "INS" + instrument)
                .set("text", "post").set("sentiment", sentiment).set("amount", amount).set("approved", approved)
                .build();
    }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = total;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= total;
        }
        return cumulative;
    }

    private static int sample(double[] cumulative, double u) {
        int index = Arrays.binarySearch(cumulative, u);
        return index >= 0 ? index : Math.min(cumulative.length - 1, -index - 1);
    }

    /** Exact, unbounded aggregates per (window, instrument). */
    private static final class Truth {
        final Map<String, double[]> groups = new HashMap<>(); // count, sentimentSum, approvedSum, amountSum
        final Map<String, java.util.Set<String>> subjects = new HashMap<>();

        void add(GenericRecord event, long time) {
            String key = key(time, event.get("instrument").toString());
            double[] g = groups.computeIfAbsent(key, k -> new double[4]);
            g[0]++;
            g[1] += (Double) event.get("sentiment");
            g[2] += (Boolean) event.get("approved") ? 1 : 0;
            g[3] += (Double) event.get("amount");
            subjects.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(event.get("accountId").toString());
        }
    }

    /** The per-event noised values the sanitized topic would carry, summed per group; budget-withheld ones left out. */
    private static final class LocalDp {
        final Map<String, double[]> groups = new HashMap<>(); // released events, sentiment sum, amount sum
        final Map<String, Integer> spent = new HashMap<>();
        final FieldNoiser sentiment;
        final FieldNoiser amount;
        final int perDay;

        LocalDp(double epsilon, double budget, long seed) {
            this.sentiment = new FieldNoiser(new DpBounds(-1, 1), Mechanism.LAPLACE, epsilon, 0, true,
                    SecureRandomBits.seeded(seed));
            this.amount = new FieldNoiser(new DpBounds(0, 100_000), Mechanism.LAPLACE, epsilon, 0, true,
                    SecureRandomBits.seeded(seed + 1));
            this.perDay = (int) Math.floor(budget / epsilon);
        }

        void add(GenericRecord event, long time) {
            String subject = event.get("accountId").toString();
            if (spent.merge(subject, 1, Integer::sum) > perDay) {
                return;
            }
            double[] g = groups.computeIfAbsent(key(time, event.get("instrument").toString()), k -> new double[3]);
            g[0]++;
            g[1] += sentiment.noise((Double) event.get("sentiment"));
            g[2] += amount.noise((Double) event.get("amount"));
        }
    }

    private static String key(long time, String instrument) {
        return Math.floorDiv(time - T0, HOUR) + "|" + instrument;
    }

    private static void printTable(Truth truth, LocalDp local, List<AggregateRelease> releases) {
        Map<String, Map<String, Double>> released = new HashMap<>();
        for (AggregateRelease release : releases) {
            String key = Math.floorDiv(release.windowStart() - T0, HOUR) + "|" + release.group().get("instrument");
            released.computeIfAbsent(key, k -> new HashMap<>()).put(release.aggregate() + "/" + release.metric(),
                    release.value());
        }
        System.out.println("| distinct subjects in group | groups | withheld by key selection "
                + "| events kept by bounding | count (DP) | count noise only | sum amount (DP) | mean sentiment (DP) "
                + "| approval rate (DP) "
                + "| mean sentiment (local DP) | sum amount (local DP) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int b = 0; b + 1 < BANDS.length; b++) {
            List<double[]> rows = new ArrayList<>();
            int groups = 0;
            int withheld = 0;
            for (Map.Entry<String, double[]> entry : truth.groups.entrySet()) {
                int n = truth.subjects.get(entry.getKey()).size();
                if (n < BANDS[b] || n >= BANDS[b + 1]) {
                    continue;
                }
                groups++;
                Map<String, Double> r = released.get(entry.getKey());
                if (r == null || !r.containsKey("by-instrument/posts")) {
                    withheld++;
                    continue;
                }
                double[] t = entry.getValue();
                double[] l = local.groups.getOrDefault(entry.getKey(), new double[3]);
                Double bounded = r.get("bounding-probe/posts");
                rows.add(new double[] {
                    bounded == null ? Double.NaN : bounded / t[0],
                    bounded == null ? Double.NaN : relative(r.get("by-instrument/posts"), bounded),
                    relative(r.get("by-instrument/posts"), t[0]),
                    relative(r.get("by-instrument-with-sum/amount-sum"), t[3]),
                    absolute(r.get("by-instrument/mean-sentiment"), t[1] / t[0]),
                    absolute(r.get("by-instrument/approval-rate"), t[2] / t[0]),
                    l[0] == 0 ? Double.NaN : absolute(l[1] / l[0], t[1] / t[0]),
                    relative(l[2], t[3])});
            }
            String band = BANDS[b + 1] == Integer.MAX_VALUE ? BANDS[b] + "+" : BANDS[b] + "–" + (BANDS[b + 1] - 1);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f%% | %s | %s | %s | %s | %s | %s | %s | %s |%n", band,
                    groups, groups == 0 ? 0.0 : 100.0 * withheld / groups, cell(rows, 0, true), cell(rows, 2, true),
                    cell(rows, 1, true), cell(rows, 3, true), cell(rows, 4, false), cell(rows, 5, false),
                    cell(rows, 6, false), cell(rows, 7, true));
        }
        System.out.println();
        System.out.println("Cells: median / 90th percentile over released groups; counts and sums as relative error"
                + " |released − true| / true, means and rates as absolute error (sentiment in −1..1, rate in 0..1)."
                + " True = all events, unbounded. Events kept = bounded count (same bounds at ε = 20) / true count;"
                + " count noise only = |released − bounded| / bounded. Local DP = mean / sum of the per-event noised"
                + " values that the sanitized topic releases (ε 0.5 per event, clamped, 8 events per subject per day).");
    }

    /** NaN when the aggregate withheld the group (the two aggregates select keys independently). */
    private static double relative(Double value, double truth) {
        return value == null ? Double.NaN : Math.abs(value - truth) / Math.abs(truth);
    }

    private static double absolute(Double value, double truth) {
        return value == null ? Double.NaN : Math.abs(value - truth);
    }

    private static String cell(List<double[]> rows, int column, boolean percent) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (values.length == 0) {
            return "–";
        }
        double median = values[values.length / 2];
        double p90 = values[(int) Math.min(values.length - 1, Math.floor(values.length * 0.9))];
        return percent ? String.format(Locale.ROOT, "%.1f%% / %.1f%%", 100 * median, 100 * p90)
                : String.format(Locale.ROOT, "%.3f / %.3f", median, p90);
    }
}
