package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.Scalars.plus;
import static io.github.sibench.models.vae.Scalars.times;
import static io.github.sibench.models.vae.VaeTesting.assertClose;
import static io.github.sibench.models.vae.VaeTesting.logNormal;
import static io.github.sibench.models.vae.VaeTesting.logSumExp;
import static io.github.sibench.models.vae.VaeTesting.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VampPriorTest {

    /**
     * A hand-made encoder from 3D inputs to 2D Gaussians: mean (x0 + x1, 2 x2), log-variance
     * (0.02 x1 - 0.5, -x0); {@link #posterior} is the same in doubles.
     */
    private static DiagonalGaussian encode(NDArray x, Pass pass) {
        NDArray x0 = x.get(":, 0:1");
        NDArray x1 = x.get(":, 1:2");
        NDArray x2 = x.get(":, 2:3");
        NDArray mean = x0.add(x1).concat(times(x2, 2), 1);
        NDArray logVar = plus(times(x1, 0.02), -0.5).concat(x0.neg(), 1);
        return new DiagonalGaussian(mean, logVar);
    }

    /** {mean, logVar} of the encoder at u, in doubles. */
    private static double[][] posterior(double[] u) {
        return new double[][] {{u[0] + u[1], 2 * u[2]}, {0.02 * u[1] - 0.5, -u[0]}};
    }

    private static VampPrior prior(NDManager m, float[] pseudoInputs) {
        VampPrior prior = new VampPrior(4, 3, VampPriorTest::encode);
        assertEquals(1, prior.parameters().size());
        assertEquals("pseudo_inputs", prior.parameters().get(0).getName());
        VaeTesting.set(m, prior.parameters().get(0), pseudoInputs);
        return prior;
    }

    private static final float[] U = {0, 0, 0, 1, 2, -1, -2, 0.5f, 1, 0.5f, -1, 2};

    @Test
    void logDensityIsTheMeanOfThePosteriorsAtThePseudoInputs() {
        float[] z = {0, 0, 3, -2, -1, 1, 2, 5, 50, -50};
        try (NDManager m = NDManager.newBaseManager()) {
            VampPrior prior = prior(m, U);
            float[] got = prior.logDensity(m.create(z, new Shape(5, 2)), VaeTesting.inference(m)).toFloatArray();
            for (int i = 0; i < 5; i++) {
                double[] zi = row(z, i, 2);
                double mean = 0;
                double[] terms = new double[4];
                for (int k = 0; k < 4; k++) {
                    double[][] q = posterior(row(U, k, 3));
                    terms[k] = logNormal(zi, q[0], q[1]) - Math.log(4);
                    mean += Math.exp(logNormal(zi, q[0], q[1])) / 4;
                }
                // the plain mean underflows at the far point; the log-sum-exp does not
                assertClose(i < 4 ? Math.log(mean) : logSumExp(terms), got[i], "VampPrior log-density at point " + i);
            }
        }
    }

    @Test
    void drawsPickAPseudoInputUniformlyThenFollowItsPosterior() {
        float[] u = {0, 0, 0, 1, 40, 0.5f, -1, -40, -1, 0.5f, 80, 2};
        double[] centres = {0, 41, -41, 80.5};
        int n = 40_000;
        try (NDManager m = NDManager.newBaseManager()) {
            VampPrior prior = prior(m, u);
            float[] x = prior.sample(m, n, new SplittableRandom(8), VaeTesting.normal(9), VaeTesting.inference(m))
                    .toFloatArray();
            int[] count = new int[4];
            double[][] sum = new double[4][2];
            double[][] sumSq = new double[4][2];
            for (int i = 0; i < n; i++) {
                int k = 0;
                for (int c = 1; c < 4; c++) {
                    k = Math.abs(x[2 * i] - centres[c]) < Math.abs(x[2 * i] - centres[k]) ? c : k;
                }
                double[][] q = posterior(row(u, k, 3));
                count[k]++;
                for (int j = 0; j < 2; j++) {
                    double d = x[2 * i + j] - q[0][j];
                    sum[k][j] += d;
                    sumSq[k][j] += d * d;
                }
            }
            for (int k = 0; k < 4; k++) {
                assertEquals(0.25, count[k] / (double) n, 5 * Math.sqrt(0.25 * 0.75 / n), "share of pseudo-input " + k);
                double[][] q = posterior(row(u, k, 3));
                for (int j = 0; j < 2; j++) {
                    double var = Math.exp(q[1][j]);
                    double mean = sum[k][j] / count[k];
                    assertEquals(0, mean, 5 * Math.sqrt(var / count[k]), "mean of component " + k + ", dim " + j);
                    assertEquals(1, (sumSq[k][j] / count[k] - mean * mean) / var, 5 * Math.sqrt(2.0 / count[k]),
                            "variance of component " + k + ", dim " + j);
                }
            }
        }
    }

    /** d/du of sum_i log p(z_i) by autograd, against central finite differences. */
    @Test
    void gradientsReachThePseudoInputs() {
        float[] z = {0, 0, 3, -2, -1, 1, 2, 5};
        float h = 1e-2f;
        try (NDManager m = NDManager.newBaseManager()) {
            VampPrior prior = prior(m, U);
            Parameter p = prior.parameters().get(0);
            float[] grad;
            try (NDManager step = m.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Pass training = new Pass(new ParameterStore(m, false), Device.cpu(), true);
                collector.backward(prior.logDensity(step.create(z, new Shape(4, 2)), training).sum());
                grad = p.getArray().getGradient().toFloatArray();
            }
            for (int e = 0; e < U.length; e++) {
                double[] at = new double[2];
                for (int s = 0; s < 2; s++) {
                    float[] moved = U.clone();
                    moved[e] += s == 0 ? h : -h;
                    p.getArray().set(moved);
                    try (NDManager g = m.newSubManager()) {
                        at[s] = prior.logDensity(g.create(z, new Shape(4, 2)), VaeTesting.inference(m)).sum().getFloat();
                    }
                }
                double fd = (at[0] - at[1]) / (2 * h);
                assertTrue(Math.abs(grad[e] - fd) <= 2e-3 * Math.max(1, Math.abs(fd)),
                        "d log p / d u[" + e + "]: autograd " + grad[e] + ", finite difference " + fd);
            }
            p.getArray().set(U);
        }
    }
}
