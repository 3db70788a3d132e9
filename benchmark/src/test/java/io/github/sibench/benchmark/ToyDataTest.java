package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.util.Scoped;
import io.github.sibench.datasets.embedding.ZScore;
import io.github.sibench.datasets.plane.Points;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The way back from the z-scored ambient space to the plane, and the off-manifold residual. */
class ToyDataTest {

    private static final int D = 16;
    private static final int N_TRAIN = 1000;
    /**
     * Float precision of a round trip y -> x = U y + b -> z -> x -> y: a handful of float32 roundings of
     * numbers of size up to ~6 (|y| up to 5.6, |b_j| ~ 1/sqrt(d)), each at most 6 * 2^-24 ~ 4e-7,
     * accumulated over d = 16 terms of a dot product: a few 1e-6; we allow 2e-5.
     */
    private static final double FLOAT_TOL = 2e-5;

    private static DatasetConfig config;
    private static ToyData data;
    private static Points trainingPoints;

    @BeforeAll
    static void prepare() {
        config = new DatasetConfig("seed-toy", D, N_TRAIN, 2024, 7);
        data = ToyData.prepare(config);
        // the prepared toy draws its training points from SeedTree.root(dataSeed).child("train")
        trainingPoints = data.prepared().toy().sample(N_TRAIN, SeedTree.root(config.dataSeed()).child("train").rng());
    }

    private static ToyData.Projected project(float[] z, int n) {
        try (NDManager m = NDManager.newBaseManager()) {
            return data.project(m.create(z, new Shape(n, D)));
        }
    }

    @Test
    void trainingSetIsTheZScoredEmbeddingOfTheToysSamples() {
        assertEquals(N_TRAIN, data.training().n());
        assertEquals(D, data.training().dim());
        assertEquals(3, data.training().numClasses());
        for (int i = 0; i < N_TRAIN; i++) {
            assertEquals(trainingPoints.labels()[i], data.training().labels()[i]);
        }
        assertArrayEquals(trainingPoints.xy(), data.prepared().trainingPoints().xy());
        // z-scored with the exact moments: each dimension has mean ~0 and variance ~1 over 1,000 points
        float[] z = data.training().x();
        for (int j = 0; j < D; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < N_TRAIN; i++) {
                mean += z[i * D + j] / N_TRAIN;
                sq += z[i * D + j] * z[i * D + j] / N_TRAIN;
            }
            // standard error of a mean of unit-variance values over 1,000 points is 0.032; allow 5
            assertEquals(0, mean, 0.16, "dimension " + j);
            assertEquals(1, sq - mean * mean, 0.25, "dimension " + j);
        }
    }

    /** A training-set-size grid point trains on the first n points of the run's own draw, z-scored alike. */
    @Test
    void aSmallerTrainingSetIsTheFirstPointsOfTheSameDraw() {
        int n = N_TRAIN / 4;
        ToyData small = ToyData.prepare(new DatasetConfig("seed-toy", D, n, 2024, 7));
        assertEquals(n, small.training().n());
        assertArrayEquals(java.util.Arrays.copyOf(data.training().x(), n * D), small.training().x());
    }

    @Test
    void projectRecoversTheTrainingPointsOnThePlane() {
        ToyData.Projected p = project(data.training().x(), N_TRAIN);
        double maxError = 0;
        double maxResidual = 0;
        for (int i = 0; i < 2 * N_TRAIN; i++) {
            maxError = Math.max(maxError, Math.abs(p.y()[i] - trainingPoints.xy()[i]));
        }
        for (double r : p.residual()) {
            maxResidual = Math.max(maxResidual, r);
        }
        System.out.printf("project: max |y - y_train| = %.2e, max residual = %.2e%n", maxError, maxResidual);
        assertTrue(maxError < FLOAT_TOL, "projection error " + maxError);
        assertTrue(maxResidual < FLOAT_TOL, "residual of points on the plane " + maxResidual);
    }

    /**
     * Points pushed off the plane by c v, v a unit vector orthogonal to both columns of U (Gram-Schmidt of
     * a random vector against them): the projection is unchanged and the residual is exactly
     * {@code |c v| / sqrt(d) = c / sqrt(d)}.
     */
    @Test
    void residualOfPointsPushedOffThePlaneIsKnown() {
        float[] uf = data.prepared().embedding().basis();
        double[] v = new double[D];
        SplittableRandom rng = new SplittableRandom(5);
        for (int j = 0; j < D; j++) {
            v[j] = rng.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int col = 0; col < 2; col++) {
                double dot = 0;
                double norm = 0;
                for (int j = 0; j < D; j++) {
                    dot += v[j] * uf[2 * j + col];
                    norm += (double) uf[2 * j + col] * uf[2 * j + col];
                }
                for (int j = 0; j < D; j++) {
                    v[j] -= dot / norm * uf[2 * j + col];
                }
            }
        }
        double len = 0;
        for (double e : v) {
            len += e * e;
        }
        len = Math.sqrt(len);
        int n = 200;
        double[] y = new double[2 * n];
        System.arraycopy(trainingPoints.xy(), 0, y, 0, 2 * n);
        float[] x = data.prepared().embedding().embed(y, n);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 0.25 * (1 + i % 8);
            for (int j = 0; j < D; j++) {
                x[i * D + j] += (float) (c[i] * v[j] / len);
            }
        }
        ZScore z = data.prepared().zScore();
        ToyData.Projected p = project(z.apply(x, n), n);
        for (int i = 0; i < n; i++) {
            assertEquals(c[i] / Math.sqrt(D), p.residual()[i], FLOAT_TOL, "point " + i);
            assertEquals(y[2 * i], p.y()[2 * i], FLOAT_TOL);
            assertEquals(y[2 * i + 1], p.y()[2 * i + 1], FLOAT_TOL);
        }
    }

    /** The batch is given back to its manager untouched, and no native array outlives the call. */
    @Test
    void projectLeavesTheBatchAliveAndLeaksNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(data.training().x(), new Shape(N_TRAIN, D));
            data.project(z);
            int live = Scoped.liveArrays();
            for (int k = 0; k < 5; k++) {
                data.project(z);
            }
            assertEquals(live, Scoped.liveArrays());
            assertTrue(m.getManagedArrays().contains(z), "the batch went back to its manager");
            assertEquals(N_TRAIN * D, z.toFloatArray().length);
        }
    }

    @Test
    void unknownDatasetNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToyData.prepare(new DatasetConfig("no-such-toy", 8, 100, 1, 1)));
        assertTrue(e.getMessage().startsWith("dataset.name"), e.getMessage());
    }
}
