package io.github.sibench.datasets.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.datasets.SampleStatistics;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.toys.SeedToy;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AmbientEmbeddingTest {

    private static final GaussianMixture2D TOY = SeedToy.mixture();

    private static double dot(float[] u, int a, int b) {
        double s = 0;
        for (int j = 0; j < u.length / 2; j++) {
            s += (double) u[2 * j + a] * u[2 * j + b];
        }
        return s;
    }

    @Test
    void basisHasOrthonormalColumns() {
        AmbientEmbedding e = AmbientEmbedding.fromSeed(AmbientEmbedding.DEFAULT_DIM, 1);
        assertEquals(9408, e.dim());
        float[] u = e.basis();
        assertEquals(2 * 9408, u.length);
        assertEquals(1, dot(u, 0, 0), 1e-6); // float storage
        assertEquals(1, dot(u, 1, 1), 1e-6);
        assertEquals(0, dot(u, 0, 1), 1e-6);
        double bNorm = 0;
        for (float b : e.offset()) {
            bNorm += b * b;
        }
        assertEquals(1, Math.sqrt(bNorm), 0.05); // entries N(0, 1/d): ||b|| about 1
    }

    @Test
    void projectionInvertsTheEmbeddingAtFullDimension() {
        AmbientEmbedding e = AmbientEmbedding.fromSeed(AmbientEmbedding.DEFAULT_DIM, 3);
        int n = 4000;
        double[] y = TOY.sample(n, new SplittableRandom(8)).xy();
        float[] x = e.embed(y, n);
        assertEquals(n * 9408, x.length);
        double[] back = e.project(x, n);
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(y[i], back[i], 1e-6 * (1 + Math.abs(y[i])));
        }
        double[] residual = e.offManifoldResidual(x, n);
        assertTrue(Arrays.stream(residual).allMatch(r -> r < 1e-7), "max residual " + Arrays.stream(residual).max());
    }

    @Test
    void residualOfAPointPushedOffThePlaneIsThePushLengthOverSqrtD() {
        int d = 64;
        AmbientEmbedding e = AmbientEmbedding.fromSeed(d, 5);
        float[] u = e.basis();
        SplittableRandom rng = new SplittableRandom(6);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rng.nextGaussian();
        }
        for (int c = 0; c < 2; c++) { // remove the components along the two columns of U
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += u[2 * j + c] * v[j];
            }
            for (int j = 0; j < d; j++) {
                v[j] -= p * u[2 * j + c];
            }
        }
        double norm = Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
        double push = 3.0;
        double[] y = {0.4, -1.2};
        float[] x = e.embed(y, 1);
        for (int j = 0; j < d; j++) {
            x[j] += (float) (push * v[j] / norm);
        }
        assertEquals(push / Math.sqrt(d), e.offManifoldResidual(x, 1)[0], 1e-5);
        assertArrayEquals(y, e.project(x, 1), 1e-5); // the push is orthogonal to the plane
    }

    @Test
    void zScoreMatchesEmpiricalPerDimensionStatistics() {
        int d = 6;
        int n = 200_000;
        AmbientEmbedding e = AmbientEmbedding.fromSeed(d, 12);
        ZScore z = e.zScore(TOY.moments().orElseThrow());
        float[] x = e.embed(TOY.sample(n, new SplittableRandom(13)).xy(), n);
        for (int j = 0; j < d; j++) {
            double mean = z.mean()[j];
            double std = z.std()[j];
            double s1 = 0;
            double s2 = 0;
            double s4 = 0;
            for (int i = 0; i < n; i++) {
                double c = x[i * d + j] - mean;
                s1 += c;
                s2 += c * c;
                s4 += c * c * c * c;
            }
            SampleStatistics.assertWithin(s1 / n, 0, std / Math.sqrt(n), "mean of dimension " + j);
            // variance estimate: standard error sqrt((mu4 - sigma^4) / n)
            double var = std * std;
            SampleStatistics.assertWithin(s2 / n, var, Math.sqrt((s4 / n - var * var) / n), "variance of dimension " + j);
        }
        float[] standardised = z.apply(x, n);
        float[] restored = z.invert(standardised, n);
        for (int i = 0; i < 1000; i++) {
            assertEquals(x[i], restored[i], 1e-5f * (1 + Math.abs(x[i])));
        }
    }

    @Test
    void sameSeedSameEmbeddingDifferentSeedDifferentEmbedding() {
        AmbientEmbedding a = AmbientEmbedding.fromSeed(100, 77);
        AmbientEmbedding b = AmbientEmbedding.fromSeed(100, 77);
        AmbientEmbedding c = AmbientEmbedding.fromSeed(100, 78);
        assertArrayEquals(a.basis(), b.basis());
        assertArrayEquals(a.offset(), b.offset());
        assertFalse(Arrays.equals(a.basis(), c.basis()));
        assertFalse(Arrays.equals(a.offset(), c.offset()));
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> AmbientEmbedding.fromSeed(1, 0), "d must be >= 2");
        assertMessage(() -> new AmbientEmbedding(new double[] {1, 0, 1, 0}, new double[2]), "orthonormal");
        assertMessage(() -> new AmbientEmbedding(new double[] {1, 0, 0, 1}, new double[3]), "d x 2");
        AmbientEmbedding e = new AmbientEmbedding(new double[] {1, 0, 0, 1, 0, 0}, new double[3]);
        assertMessage(() -> e.embed(new double[3], 2), "must hold 2 rows of 2 values");
        assertMessage(() -> e.project(new float[5], 2), "must hold 2 rows of 3 values");
        // the third axis is orthogonal to the plane: zero variance there cannot be standardised
        assertMessage(() -> e.zScore(TOY.moments().orElseThrow()), "dimension 2");
        assertMessage(() -> new ZScore(new float[] {0}, new float[] {0}), "std > 0");
        assertMessage(() -> new ZScore(new float[2], new float[1]), "same positive length");
    }

    private static void assertMessage(Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
