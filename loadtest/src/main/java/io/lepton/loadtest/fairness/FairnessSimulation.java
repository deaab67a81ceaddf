package io.lepton.loadtest.fairness;

import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.fairness.pooled.AlphaAllocation;
import io.lepton.gateway.engine.fairness.pooled.CountDelta;
import io.lepton.gateway.engine.fairness.pooled.PartialCounts;
import io.lepton.gateway.engine.fairness.pooled.PooledAlert;
import io.lepton.gateway.engine.fairness.pooled.PooledFairnessMonitor;
import io.lepton.gateway.engine.fairness.pooled.PooledMetric;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.FalseAlarmBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One seeded financial-sentiment stream through the pooled monitor the way the topology runs it: events spread over
 * partitions by subject, one {@link PartialCounts} per partition flushed every {@value #FLUSH_MS} ms of stream time,
 * every delta merged (in flush order) by one {@link PooledFairnessMonitor} for the attribute {@code gender}.
 *
 * <p>Subjects repeat, so their events are dependent: {@value #SUBJECTS} subjects, half women, with log-normal
 * activity (σ = 1, so a few subjects produce much of the traffic). A subject arrives in sessions of on average three
 * events 20 s apart; the session's qualification is drawn once and every event of the session repeats its first
 * decision (a retry gets the same answer). Subjects also differ: each one's approval probabilities are shifted by
 * ±{@value #SUBJECT_SHIFT}, alternating along its group's activity ranking so that the activity-weighted rates of the
 * group stay those of the {@link Scenario}.
 */
public final class FairnessSimulation {

    static final int SUBJECTS = 2_000;
    static final long FLUSH_MS = 2_000;
    static final double SUBJECT_SHIFT = 0.05;
    private static final double MEAN_SESSION_EVENTS = 3;
    private static final long SESSION_SPACING_MS = 20_000;
    private static final String ATTRIBUTE = "gender";

    /** The simulated policy: the built-in windows and gate, thresholds that make {@link Scenario#AT_THRESHOLDS} exact. */
    static final FairnessSettings SETTINGS = new FairnessSettings(true, Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofMinutes(5), 100, 0.8, 0.16, 0.1, 0.8, 3,
            new FalseAlarmBudget(0.01, Duration.ofDays(30)), Map.of(ATTRIBUTE, "M"));

    /** Slots of this stream: 3 metrics × 2 groups (F and "other") compared with M. */
    static final AlphaAllocation ALLOCATION = new AlphaAllocation(SETTINGS.falseAlarmBudget(),
            AlphaAllocation.slots(3, SETTINGS.maxGroupsPerAttribute()),
            SETTINGS.falseAlarmBudget().per().toMillis() / SETTINGS.windowAdvance().toMillis());

    /**
     * The result of one run.
     *
     * @param breaches       every BREACH raised
     * @param events         events generated
     * @param firstBreachMs  stream time of the first BREACH, or -1
     */
    public record Result(List<PooledAlert> breaches, long events, long firstBreachMs) {
    }

    private FairnessSimulation() {}

    /**
     * Runs {@code hours} of stream at {@code eventsPerHour}, or until the first BREACH when {@code stopAtFirst}.
     */
    public static Result run(Scenario scenario, double eventsPerHour, double hours, int partitions, long seed,
                             boolean stopAtFirst) {
        return run(scenario, eventsPerHour, hours, partitions, seed, stopAtFirst, true);
    }

    /**
     * As {@link #run(Scenario, double, double, int, long, boolean)}; with {@code votePerSubjectPerPane} false every
     * event is counted, as if events were independent (to measure what the subject rule is for).
     */
    public static Result run(Scenario scenario, double eventsPerHour, double hours, int partitions, long seed,
                             boolean stopAtFirst, boolean votePerSubjectPerPane) {
        SplittableRandom random = new SplittableRandom(seed);
        Population population = new Population(random);
        HoppingWindows windows = HoppingWindows.of(SETTINGS.windowSize(), SETTINGS.windowAdvance(), SETTINGS.grace());
        PartialCounts[] tasks = new PartialCounts[partitions];
        for (int p = 0; p < partitions; p++) {
            tasks[p] = new PartialCounts(windows, SETTINGS.referenceGroups(), SETTINGS.maxGroupsPerAttribute());
        }
        PooledFairnessMonitor monitor = new PooledFairnessMonitor("eu-gdpr", "financial-sentiment", ATTRIBUTE,
                SETTINGS, ALLOCATION, PooledMetric.decisionMetrics(true));
        List<PooledAlert> breaches = new ArrayList<>();
        List<long[]> sessions = new ArrayList<>();
        double sessionsPerMs = eventsPerHour / MEAN_SESSION_EVENTS / 3_600_000.0;
        long end = (long) (hours * 3_600_000);
        long events = 0;
        long firstBreach = -1;
        long nextSession = (long) exponential(random, sessionsPerMs);
        for (long tick = 0; tick < end; tick += FLUSH_MS) {
            long tickEnd = tick + FLUSH_MS;
            while (nextSession < tickEnd) {
                sessions.add(population.startSession(random, scenario, nextSession));
                nextSession += (long) Math.max(1, exponential(random, sessionsPerMs));
            }
            for (int i = sessions.size() - 1; i >= 0; i--) {
                long[] session = sessions.get(i);
                while (session[Population.NEXT_TIME] < tickEnd && session[Population.REMAINING] > 0) {
                    int subject = (int) session[Population.SUBJECT];
                    PartialCounts task = tasks[population.partition(subject, partitions)];
                    long time = session[Population.NEXT_TIME];
                    if (!votePerSubjectPerPane || task.firstVote(population.hash(subject), time)) {
                        task.add(ATTRIBUTE, population.group(subject), time, session[Population.DECISION] == 1,
                                session[Population.QUALIFIED] == 1);
                    }
                    events++;
                    session[Population.REMAINING]--;
                    session[Population.NEXT_TIME] += SESSION_SPACING_MS;
                }
                if (session[Population.REMAINING] == 0) {
                    sessions.set(i, sessions.get(sessions.size() - 1));
                    sessions.remove(sessions.size() - 1);
                }
            }
            for (PartialCounts task : tasks) {
                for (CountDelta delta : task.drain(tickEnd).values()) {
                    // the merge side sees the bytes the topology would carry
                    for (PooledAlert alert : monitor.apply(CountDelta.fromBytes(delta.toBytes()), tickEnd)) {
                        if (alert.breach()) {
                            firstBreach = breaches.isEmpty() ? tickEnd : firstBreach;
                            breaches.add(alert);
                        }
                    }
                }
            }
            if (stopAtFirst && !breaches.isEmpty()) {
                break;
            }
        }
        return new Result(breaches, events, firstBreach);
    }

    private static double exponential(SplittableRandom random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    /** The simulated subjects: group, activity, personal rate shift, partition. */
    private static final class Population {
        static final int SUBJECT = 0;
        static final int REMAINING = 1;
        static final int NEXT_TIME = 2;
        static final int QUALIFIED = 3;
        static final int DECISION = 4;

        private final boolean[] female = new boolean[SUBJECTS];
        private final double[] shift = new double[SUBJECTS];
        private final double[] cumulativeActivity = new double[SUBJECTS];
        private final long[] hashes = new long[SUBJECTS];

        Population(SplittableRandom random) {
            double[] activity = new double[SUBJECTS];
            for (int s = 0; s < SUBJECTS; s++) {
                female[s] = s % 2 == 0;
                activity[s] = Math.exp(gaussian(random));
                hashes[s] = PartialCounts.subjectHash(Long.toHexString(random.nextLong()));
            }
            for (int parity = 0; parity < 2; parity++) {
                Integer[] order = new Integer[SUBJECTS / 2];
                for (int i = 0; i < order.length; i++) {
                    order[i] = 2 * i + parity;
                }
                Arrays.sort(order, (a, b) -> Double.compare(activity[b], activity[a]));
                for (int rank = 0; rank < order.length; rank++) {
                    shift[order[rank]] = rank % 2 == 0 ? SUBJECT_SHIFT : -SUBJECT_SHIFT;
                }
            }
            double sum = 0;
            for (int s = 0; s < SUBJECTS; s++) {
                sum += activity[s];
                cumulativeActivity[s] = sum;
            }
        }

        long[] startSession(SplittableRandom random, Scenario scenario, long start) {
            double pick = random.nextDouble() * cumulativeActivity[SUBJECTS - 1];
            int subject = Arrays.binarySearch(cumulativeActivity, pick);
            subject = subject >= 0 ? subject : Math.min(SUBJECTS - 1, -subject - 1);
            long length = 1;
            while (random.nextDouble() < 1 - 1 / MEAN_SESSION_EVENTS) {
                length++;
            }
            boolean qualified = random.nextBoolean();
            double rate = female[subject]
                    ? (qualified ? scenario.femaleTruePositive() : scenario.femaleFalsePositive())
                    : (qualified ? Scenario.MALE_TRUE_POSITIVE : Scenario.MALE_FALSE_POSITIVE);
            boolean decision = random.nextDouble() < rate + shift[subject];
            return new long[] {subject, length, start, qualified ? 1 : 0, decision ? 1 : 0};
        }

        String group(int subject) {
            return female[subject] ? "F" : "M";
        }

        long hash(int subject) {
            return hashes[subject];
        }

        int partition(int subject, int partitions) {
            return (int) Long.remainderUnsigned(hashes[subject], partitions);
        }

        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
