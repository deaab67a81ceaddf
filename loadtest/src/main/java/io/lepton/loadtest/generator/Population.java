package io.lepton.loadtest.generator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fixed population of synthetic people. Events pick their subject here with a skew (a few heavy users produce a
 * large share of events, as in real services), which is what makes per-subject privacy budgets run out during a demo.
 *
 * <p>A person is drawn from the region mix on demand, from a random stream seeded by the population's seed and the
 * person's index, and never stored: the same index always gives the same person, and a population of millions (a
 * real customer base, which the bench needs so that per-subject state behaves as in production) costs no memory.
 */
public final class Population {

    /** Share of events that come from the heavy users. */
    private static final double HEAVY_USER_SHARE = 0.2;
    /** Heavy users are this fraction of the population. */
    private static final double HEAVY_USER_FRACTION = 0.02;

    private final int size;
    private final long seed;
    private final int heavyUsers;
    private final double totalWeight;

    private Population(int size, long seed) {
        this.size = size;
        this.seed = seed;
        this.heavyUsers = Math.max(1, (int) (size * HEAVY_USER_FRACTION));
        this.totalWeight = RegionCatalog.all().stream().mapToDouble(RegionProfile::weight).sum();
    }

    /** A population of {@code size} people; the same random state gives the same population. */
    public static Population generate(int size, SplittableRandom random) {
        if (size < 1) {
            throw new IllegalArgumentException("population size must be at least 1, got " + size);
        }
        return new Population(size, random.nextLong());
    }

    /** The subject of the next event. */
    public Person pick(SplittableRandom random) {
        if (random.nextDouble() < HEAVY_USER_SHARE) {
            return person(random.nextInt(heavyUsers));
        }
        return person(random.nextInt(size));
    }

    public int size() {
        return size;
    }

    /** The person at {@code index}, in [0, {@link #size()}): the same person every time. */
    public Person person(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("person " + index + " of " + size);
        }
        SplittableRandom random = new SplittableRandom(mix(seed + index));
        return person(index, pickRegion(random, totalWeight), random, new SyntheticIdentifiers(random));
    }

    /**
     * Stafford's 64-bit finaliser ("Mix13"). Seeding person {@code i} with {@code seed + i * gamma} would be wrong:
     * SplittableRandom steps its seed by that same gamma, so neighbours' streams would be the same stream shifted by
     * one draw, and their identifiers would repeat.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static RegionProfile pickRegion(SplittableRandom random, double totalWeight) {
        double point = random.nextDouble() * totalWeight;
        for (RegionProfile region : RegionCatalog.all()) {
            point -= region.weight();
            if (point < 0) {
                return region;
            }
        }
        return RegionCatalog.all().get(RegionCatalog.all().size() - 1);
    }

    private static Person person(int index, RegionProfile region, SplittableRandom random, SyntheticIdentifiers ids) {
        double g = random.nextDouble();
        String gender = g < 0.48 ? "F" : g < 0.96 ? "M" : g < 0.98 ? "X" : null;
        boolean female = "F".equals(gender) || (!"M".equals(gender) && random.nextBoolean());
        List<String> given = female ? region.femaleNames() : region.maleNames();
        String first = given.get(random.nextInt(given.size()));
        String last = region.familyNames().get(random.nextInt(region.familyNames().size()));
        boolean chinese = region.language() == Language.CHINESE;
        String fullName = chinese ? last + first : first + " " + last;
        // Chinese users' addresses are typically numeric (QQ style); elsewhere first.last with diacritics folded.
        String local = chinese ? String.valueOf(10_000_000 + random.nextInt(90_000_000))
                : ascii(first) + "." + ascii(last) + (random.nextInt(3) == 0 ? String.valueOf(random.nextInt(100)) : "");
        // Sum of two uniforms: a triangular 18-78 distribution peaking in the late forties.
        int age = 18 + random.nextInt(31) + random.nextInt(31);
        City home = region.cities().get(random.nextInt(region.cities().size()));
        return new Person(index, region, gender, age, fullName, local + "@" + region.emailDomain(),
                ids.phone(region.phonePattern()), ids.nationalId(region.nationalId()),
                region.ibanBbanPattern() == null ? null : ids.iban(region.country(), region.ibanBbanPattern()),
                ids.cardNumber(), home, "cust-" + ids.hex(10), "user-" + ids.hex(10), "acct-" + ids.hex(10),
                "dev-" + ids.hex(12));
    }

    private static String ascii(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ł", "l").replace("Ł", "L");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
