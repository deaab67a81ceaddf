package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zCDP accountant against closed forms computed here independently: the CKS20 Corollary 13 conversion
 * {@code δ(ρ, ε) = inf_α exp((α-1)(αρ-ε)) / (α-1) · (1-1/α)^α}, minimised by a dense grid over α (not the production
 * bisection), and Bun and Steinke's looser {@code ε = ρ + 2√(ρ ln(1/δ))}.
 */
class ZcdpAccountantTest {

    private static final long MIDNIGHT = 1_795_000_000_000L / 86_400_000L * 86_400_000L;

    /** δ of ρ-zCDP at ε by brute force over α in (1, 400], step 1e-4 near 1 growing geometrically. */
    static double deltaByGrid(double rho, double epsilon) {
        double best = 1;
        for (double alpha = 1.0001; alpha < 400; alpha *= 1.0005) {
            double logBound = (alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log(1 - 1 / alpha)
                    - Math.log(alpha - 1);
            best = Math.min(best, Math.exp(logBound));
        }
        return best;
    }

    @ParameterizedTest(name = "budget ({0}, {1})")
    @CsvSource({"3, 1e-6", "1, 1e-5", "8, 1e-9", "0.5, 1e-6"})
    void theBudgetInRhoIsTheLargestRhoWhoseConversionStaysWithinTheBudget(double epsilon, double delta) {
        PrivacyAccountant accountant = new PrivacyAccountant(new BudgetPolicy(epsilon, delta, Duration.ofDays(1)));
        double rho = accountant.budget();

        assertThat(accountant.policy().measure()).isEqualTo(PrivacyAccountant.Measure.RHO);
        assertThat(deltaByGrid(rho, epsilon)).as("within budget").isLessThanOrEqualTo(delta * 1.001);
        assertThat(deltaByGrid(rho * 1.01, epsilon)).as("and tight: 1% more ρ breaks it").isGreaterThan(delta);
        double bunSteinke = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
        assertThat(bunSteinke).as("CKS20 is tighter than ρ + 2√(ρ ln 1/δ)").isGreaterThanOrEqualTo(epsilon);
    }

    /** ρ's add: n releases of ρ_e fit exactly when n·ρ_e <= ρ_budget. */
    @Test
    void chargesAddUpInRhoUntilTheBudget() {
        PrivacyAccountant accountant = new PrivacyAccountant(new BudgetPolicy(3, 1e-6, Duration.ofDays(1)));
        NoiseSampler perEvent = NoiseSampler.of(NoiseSpec.gaussian(0.5, 1e-6, 4), SecureRandomBits.seeded(1));
        double rhoEvent = perEvent.rho();
        long expected = (long) Math.floor(accountant.budget() / rhoEvent);

        BudgetState state = null;
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            PrivacyAccountant.Decision decision = accountant.charge(state, MIDNIGHT, rhoEvent, i);
            state = decision.next();
            allowed += decision.allowed() ? 1 : 0;
        }
        // Units round each charge up by < 1e-9 ρ: at most one release fewer than the exact quotient.
        assertThat(allowed).isBetween((int) expected - 1, (int) expected);
        assertThat(allowed).as("basic composition would allow 3 / 0.5 = 6").isGreaterThan(20);
        assertThat(deltaByGrid(allowed * rhoEvent, 3)).as("what was released is (3, 1e-6)-DP")
                .isLessThanOrEqualTo(1e-6 * 1.001);
    }

    /** The realized ρ of a Gaussian release is Δ_g² / (2σ_g²) in grid units, at most the calibrated ρ. */
    @Test
    void aGaussianReleaseCostsItsRealizedRho() {
        NoiseSampler sampler = NoiseSampler.of(NoiseSpec.gaussian(0.5, 1e-6, 4), SecureRandomBits.seeded(2));
        double g = sampler.granularity();
        double sensitivityUnits = Math.ceil(4 / g) + 1;
        double sigmaUnits = sampler.scale() / g;
        double closedForm = sensitivityUnits * sensitivityUnits / (2 * sigmaUnits * sigmaUnits);

        assertThat(sampler.rho()).isCloseTo(closedForm, org.assertj.core.data.Percentage.withPercentage(1e-9))
                .isGreaterThanOrEqualTo(closedForm);
        assertThat(deltaByGrid(sampler.rho(), 0.5)).as("one release is (0.5, 1e-6)-DP")
                .isLessThanOrEqualTo(1e-6 * 1.001);
    }

    @Test
    void laplaceBudgetsStayInPureEpsilon() {
        PrivacyAccountant accountant = new PrivacyAccountant(BudgetPolicy.pureEpsilon(4, Duration.ofDays(1)));
        assertThat(accountant.policy().measure()).isEqualTo(PrivacyAccountant.Measure.EPSILON);
        assertThat(accountant.budget()).isEqualTo(4.0);
    }
}
