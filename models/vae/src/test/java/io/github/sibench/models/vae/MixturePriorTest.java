package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.VaeTesting.assertClose;
import static io.github.sibench.models.vae.VaeTesting.logNormal;
import static io.github.sibench.models.vae.VaeTesting.logSumExp;
import static io.github.sibench.models.vae.VaeTesting.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixturePriorTest {

    private static final LogVarClamp CLAMP = new LogVarClamp(-10, 10);

    /** A mixture of K = 3 components in 2D with the given means, raw log-variances and logits. */
    private static MixturePrior prior(NDManager m, float[] means, float[] logVars, float[] logits) {
        MixturePrior prior = new MixturePrior(3, 2, CLAMP);
        List<Parameter> p = prior.parameters();
        assertEquals(List.of("mog_means", "mog_logvars", "mog_logits"), p.stream().map(Parameter::getName).toList());
        VaeTesting.set(m, p.get(0), means);
        VaeTesting.set(m, p.get(1), logVars);
        VaeTesting.set(m, p.get(2), logits);
        return prior;
    }

    private static double[] softmax(float[] a) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k];
        }
        double lse = logSumExp(d);
        for (int k = 0; k < a.length; k++) {
            d[k] = Math.exp(d[k] - lse);
        }
        return d;
    }

    @Test
    void logDensityIsTheWeightedSumOfTheClampedGaussians() {
        float[] means = {0, 0, 6, -1, -5, 4};
        float[] raw = {0, 0.5f, -1, 11, -12, 1};
        double[][] clamped = {{0, 0.5}, {-1, 10}, {-10, 1}};
        float[] logits = {0.3f, -1, 2};
        double[] w = softmax(logits);
        // the centres, a point where the wide (clamped) dimension of component 1 dominates, one far from all
        float[] z = {0, 0, 6, -1, -5, 4, 6, 40, 300, -300};
        try (NDManager m = NDManager.newBaseManager()) {
            MixturePrior prior = prior(m, means, raw, logits);
            float[] got = prior.logDensity(m.create(z, new Shape(5, 2)), VaeTesting.inference(m)).toFloatArray();
            for (int i = 0; i < 5; i++) {
                double[] zi = row(z, i, 2);
                double density = 0;
                double[] terms = new double[3];
                for (int k = 0; k < 3; k++) {
                    terms[k] = Math.log(w[k]) + logNormal(zi, row(means, k, 2), clamped[k]);
                    density += w[k] * Math.exp(logNormal(zi, row(means, k, 2), clamped[k]));
                }
                // the plain sum of densities underflows at the far point; the log-sum-exp does not
                double expected = i < 4 ? Math.log(density) : logSumExp(terms);
                assertClose(expected, got[i], "MoG log-density at point " + i);
                assertTrue(Double.isFinite(got[i]));
            }
            double unclamped = Math.log(w[1]) + logNormal(row(z, 3, 2), row(means, 1, 2), new double[] {-1, 11});
            assertTrue(Math.abs(unclamped - got[3]) > 0.1, "the test point must tell a clamped log-variance apart");
        }
    }

    @Test
    void drawsPickComponentsByWeightThenFollowTheirClampedGaussian() {
        float[] means = {0, 0, 30, 0, -30, 0};
        float[] raw = {0, -1, 1, 0.5f, -12, 0};
        double[][] clamped = {{0, -1}, {1, 0.5}, {-10, 0}};
        float[] logits = {0, 1, -0.5f};
        double[] w = softmax(logits);
        int n = 40_000;
        try (NDManager m = NDManager.newBaseManager()) {
            MixturePrior prior = prior(m, means, raw, logits);
            float[] x = prior.sample(m, n, new SplittableRandom(3), VaeTesting.normal(5), VaeTesting.inference(m))
                    .toFloatArray();
            assertEquals(2 * n, x.length);
            int[] count = new int[3];
            double[][] sum = new double[3][2];
            double[][] sumSq = new double[3][2];
            for (int i = 0; i < n; i++) {
                int k = x[2 * i] > 15 ? 1 : x[2 * i] < -15 ? 2 : 0;
                count[k]++;
                for (int j = 0; j < 2; j++) {
                    double d = x[2 * i + j] - means[2 * k + j];
                    sum[k][j] += d;
                    sumSq[k][j] += d * d;
                }
            }
            for (int k = 0; k < 3; k++) {
                double frac = count[k] / (double) n;
                assertEquals(w[k], frac, 5 * Math.sqrt(w[k] * (1 - w[k]) / n), "weight of component " + k);
                for (int j = 0; j < 2; j++) {
                    double var = Math.exp(clamped[k][j]);
                    double mean = sum[k][j] / count[k];
                    double sampleVar = sumSq[k][j] / count[k] - mean * mean;
                    assertEquals(0, mean, 5 * Math.sqrt(var / count[k]), "mean of component " + k + ", dim " + j);
                    assertEquals(1, sampleVar / var, 5 * Math.sqrt(2.0 / count[k]), "variance of component " + k
                            + ", dim " + j + " (clamped log-variance " + clamped[k][j] + ")");
                }
            }
        }
    }
}
