package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.VaeTesting.assertClose;
import static io.github.sibench.models.vae.VaeTesting.logNormal;
import static io.github.sibench.models.vae.VaeTesting.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DiagonalGaussianTest {

    private static final float[] MEAN = {1, -2, 0.5f, 0, 3, -1};
    private static final float[] LOG_VAR = {-1, 0.5f, 2};

    @Test
    void logDensityIsTheDiagonalGaussianWithABroadcastVariance() {
        float[] x = {0, 0, 0, 1.5f, 2, 4};
        try (NDManager m = NDManager.newBaseManager()) {
            DiagonalGaussian q = new DiagonalGaussian(m.create(MEAN, new Shape(2, 3)), m.create(LOG_VAR, new Shape(1, 3)));
            float[] got = q.logDensity(m.create(x, new Shape(2, 3))).toFloatArray();
            assertEquals(2, got.length);
            for (int i = 0; i < 2; i++) {
                assertClose(logNormal(row(x, i, 3), row(MEAN, i, 3), row(LOG_VAR, 0, 3)), got[i], "row " + i);
            }
        }
    }

    @Test
    void drawIsMeanPlusStandardDeviationTimesNoise() {
        float[] eps = {0.3f, -1, 2, 0, 1, -0.5f};
        try (NDManager m = NDManager.newBaseManager()) {
            DiagonalGaussian q = new DiagonalGaussian(m.create(MEAN, new Shape(2, 3)), m.create(LOG_VAR, new Shape(1, 3)));
            float[] got = q.sample(m.create(eps, new Shape(2, 3))).toFloatArray();
            for (int i = 0; i < 6; i++) {
                assertClose(MEAN[i] + Math.exp(LOG_VAR[i % 3] / 2) * eps[i], got[i], "entry " + i);
            }
        }
    }

    @Test
    void headSplitsMeanAndLogVarianceAndClampsTheLatter() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = m.create(new float[] {1, 2, -20, 0.5f, 3, 4, 15, -10}, new Shape(2, 4));
            DiagonalGaussian q = DiagonalGaussian.fromHead(out, new LogVarClamp(-10, 10));
            assertArrayEquals(new float[] {1, 2, 3, 4}, q.mean().toFloatArray());
            assertArrayEquals(new float[] {-10, 0.5f, 10, -10}, q.logVar().toFloatArray());
            DiagonalGaussian second = q.rows(m.create(new int[] {1, 1, 0}));
            assertArrayEquals(new float[] {3, 4, 3, 4, 1, 2}, second.mean().toFloatArray());
            assertArrayEquals(new float[] {10, -10, 10, -10, -10, 0.5f}, second.logVar().toFloatArray());
        }
        LogVarClamp clamp = new LogVarClamp(-3, 2);
        assertEquals(-3, clamp.apply(-7.5));
        assertEquals(1.25, clamp.apply(1.25));
        assertEquals(2, clamp.apply(Double.POSITIVE_INFINITY));
    }
}
