package io.lepton.gateway.engine.fairness.pooled;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScratchProbe {
    @Test
    void probe() {
        double threshold = Math.log(64_600);
        for (ComparisonTest.Form form : ComparisonTest.Form.values()) {
            double c = form == ComparisonTest.Form.RATIO ? 0.8 : 0.1;
            long[] pairs = new long[101];
            SplittableRandom random = new SplittableRandom(1);
            for (int run = 0; run < pairs.length; run++) {
                ComparisonTest test = new ComparisonTest(form, c, run);
                long n = 0;
                while (n < 100_000) {
                    int batch = 8;
                    long f = 0, m = 0;
                    for (int i = 0; i < batch; i++) {
                        f += random.nextDouble() < 0.55 ? 1 : 0;
                        m += random.nextDouble() < 0.80 ? 1 : 0;
                    }
                    n += batch;
                    if (test.offer(batch, f, batch, m) >= threshold) {
                        break;
                    }
                }
                pairs[run] = n;
            }
            Arrays.sort(pairs);
            System.out.println("PROBE " + form + " median pairs " + pairs[50] + " p10 " + pairs[10] + " p90 " + pairs[90]);
        }
    }
}
