package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.dp.NoiseSampler;
import io.lepton.gateway.engine.dp.NoiseSpec;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseCommandTest {

    /**
     * 20000 Laplace samples with ε 1 and sensitivity 1 (scale b = 1): the sample mean has standard error
     * sqrt(2)/sqrt(20000) = 0.01, so |mean| < 0.05 is 5 standard errors; the mean absolute value is b with standard
     * error 1/sqrt(20000) = 0.007, so 1 ± 0.05 is 7. Every sample lies on the sampler's power-of-two grid.
     */
    @Test
    void printsTheRequestedNumberOfLaplaceSamplesFromTheTopologysSampler() {
        CliRunner result = CliRunner.run("noise", "--mechanism", "laplace", "--epsilon", "1", "--sensitivity", "1",
                "--count", "20000");
        assertThat(result.exitCode()).as(result.err()).isZero();
        double[] samples = Arrays.stream(result.out().strip().split("\n")).mapToDouble(Double::parseDouble).toArray();
        assertThat(samples).hasSize(20_000);
        assertThat(Arrays.stream(samples).average().orElseThrow()).isBetween(-0.05, 0.05);
        assertThat(Arrays.stream(samples).map(Math::abs).average().orElseThrow()).isBetween(0.95, 1.05);
        double granularity = NoiseSampler.of(NoiseSpec.laplace(1, 1), SecureRandomBits.seeded(1)).granularity();
        assertThat(Arrays.stream(samples).filter(s -> s / granularity != Math.rint(s / granularity))).isEmpty();
    }

    @Test
    void gaussianNeedsDeltaAndLaplaceRefusesIt() {
        CliRunner gaussian = CliRunner.run("noise", "--mechanism", "gaussian", "--epsilon", "1", "--delta", "1e-6",
                "--sensitivity", "2", "--count", "5");
        assertThat(gaussian.exitCode()).as(gaussian.err()).isZero();
        assertThat(gaussian.out().strip().split("\n")).hasSize(5);

        CliRunner missing = CliRunner.run("noise", "--mechanism", "gaussian", "--epsilon", "1", "--sensitivity", "2",
                "--count", "5");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--delta is required with gaussian");

        CliRunner refused = CliRunner.run("noise", "--mechanism", "laplace", "--epsilon", "1", "--delta", "1e-6",
                "--sensitivity", "2", "--count", "5");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--delta is not allowed with laplace");
        assertThat(refused.out()).isEmpty();

        CliRunner badEpsilon = CliRunner.run("noise", "--mechanism", "laplace", "--epsilon", "0",
                "--sensitivity", "2", "--count", "5");
        assertThat(badEpsilon.exitCode()).isEqualTo(2);
        assertThat(badEpsilon.err()).contains("epsilon must be in (0, 100.0]");
    }
}
