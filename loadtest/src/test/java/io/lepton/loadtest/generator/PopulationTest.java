package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A population drawn on demand: stable people, millions of them without memory, the heavy-user skew kept. */
class PopulationTest {

    @Test
    void theSameIndexIsAlwaysTheSamePersonAndPopulationsFromOneSeedAgree() {
        Population population = Population.generate(1_000, new SplittableRandom(5));
        Population again = Population.generate(1_000, new SplittableRandom(5));
        for (int i = 0; i < 1_000; i += 37) {
            assertThat(population.person(i)).isEqualTo(population.person(i)).isEqualTo(again.person(i));
        }
        assertThat(Population.generate(1_000, new SplittableRandom(6)).person(0).customerId())
                .isNotEqualTo(population.person(0).customerId());
    }

    @Test
    void aMillionSubjectsRepeatAsRarelyAsTheSkewSays() {
        Population population = Population.generate(1_000_000, new SplittableRandom(11));
        SplittableRandom random = new SplittableRandom(12);
        int draws = 20_000;
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            subjects.add(population.pick(random).customerId());
        }
        // 16,000 draws uniform over 10^6 people: 16,000 - 16,000^2 / (2 * 10^6) = 15,872 distinct; 4,000 over the
        // 20,000 heavy users: 20,000 * (1 - e^-0.2) = 3,625 distinct; about 60 in both sets. So about 19,440.
        assertThat(subjects.size()).isBetween(19_250, 19_650);
    }

    @Test
    void aSmallPopulationRepeatsItsSubjects() {
        Population population = Population.generate(2_000, new SplittableRandom(11));
        SplittableRandom random = new SplittableRandom(12);
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            subjects.add(population.pick(random).customerId());
        }
        assertThat(subjects).hasSizeLessThanOrEqualTo(2_000);
        assertThat(subjects.size()).isGreaterThan(1_900);
    }

    @Test
    void rejectsAnIndexOutsideThePopulation() {
        Population population = Population.generate(10, new SplittableRandom(1));
        assertThatThrownBy(() -> population.person(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
