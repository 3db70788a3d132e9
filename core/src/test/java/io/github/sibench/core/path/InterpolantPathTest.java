package io.github.sibench.core.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.interpolant.TrigonometricInterpolant;
import io.github.sibench.core.interpolant.VpInterpolant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolantPathTest {

    static Stream<Interpolant> interpolants() {
        return Stream.of(new LinearInterpolant(), new TrigonometricInterpolant(), new StochasticInterpolant(1.5),
                new VpInterpolant());
    }

    private static float[] gaussian(int n, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    /** Every row of x_t and of both targets equals the formula evaluated in Java doubles. */
    @ParameterizedTest
    @MethodSource("interpolants")
    void batchMatchesRowByRowFormula(Interpolant it) {
        int n = 64;
        int d = 3;
        SplittableRandom rng = new SplittableRandom(7);
        float[] x0 = gaussian(n * d, rng);
        float[] x1 = gaussian(n * d, rng);
        float[] z = gaussian(n * d, rng);
        double[] t = new UniformTimeFixture(0.01, 0.99).sample(n, rng);
        try (NDManager m = NDManager.newBaseManager()) {
            PathSample p = new InterpolantPath(it).sample(m.create(x0, new Shape(n, d)), m.create(x1, new Shape(n, d)),
                    m.create(z, new Shape(n, d)), t);
            float[] xt = p.xt().toFloatArray();
            float[] v = p.velocity().toFloatArray();
            float[] eps = p.noise().toFloatArray();
            float[] tt = p.t().toFloatArray();
            for (int i = 0; i < n; i++) {
                Coefficients c = it.at(t[i]);
                assertEquals(t[i], tt[i], 1e-6);
                for (int j = 0; j < d; j++) {
                    int k = i * d + j;
                    double noise = c.beta() * x1[k] + c.gamma() * z[k];
                    assertEquals(c.alpha() * x0[k] + noise, xt[k], 1e-5);
                    assertEquals(c.alphaDot() * x0[k] + c.betaDot() * x1[k] + c.gammaDot() * z[k], v[k],
                            1e-5 * (1 + Math.abs(c.gammaDot())));
                    assertEquals(noise / c.noiseStd(), eps[k], 1e-5);
                }
            }
        }
    }

    /** The normalised noise target is standard normal: its sample variance is 1 within sampling error. */
    @Test
    void noiseTargetHasUnitVariance() {
        int n = 20000;
        SplittableRandom rng = new SplittableRandom(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(n, 1);
            PathSample p = new InterpolantPath(new StochasticInterpolant(2)).sample(m.create(gaussian(n, rng), s),
                    m.create(gaussian(n, rng), s), m.create(gaussian(n, rng), s),
                    new UniformTimeFixture(0.05, 0.95).sample(n, rng));
            double var = p.noise().square().mean().getFloat();
            assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n)); // se of a chi-square mean
        }
    }

    @Test
    void noiseTargetAtTimeZeroIsTheNoiseEndpoint() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = m.create(new float[] {1, 2}, new Shape(1, 2));
            NDArray x1 = m.create(new float[] {-3, 4}, new Shape(1, 2));
            PathSample p = new InterpolantPath(new LinearInterpolant()).sample(x0, x1, null, new double[] {0});
            assertArrayEquals(new float[] {-3, 4}, p.noise().toFloatArray());
            assertArrayEquals(new float[] {1, 2}, p.xt().toFloatArray());
        }
    }

    @Test
    void mismatchedShapesAndMissingLatentAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.zeros(new Shape(2, 3));
            NDArray b = m.zeros(new Shape(2, 4));
            InterpolantPath lin = new InterpolantPath(new LinearInterpolant());
            assertThrows(IllegalArgumentException.class, () -> lin.sample(a, b, null, new double[2]));
            assertThrows(IllegalArgumentException.class, () -> lin.sample(a, a, null, new double[3]));
            InterpolantPath si = new InterpolantPath(new StochasticInterpolant(1));
            assertThrows(IllegalArgumentException.class, () -> si.sample(a, a, null, new double[] {0.5, 0.5}));
        }
    }

    /** Uniform times without depending on the time package under test elsewhere. */
    private record UniformTimeFixture(double lo, double hi) {
        double[] sample(int n, SplittableRandom rng) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = lo + (hi - lo) * rng.nextDouble();
            }
            return t;
        }
    }
}
