package io.github.sibench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    static double[][] randomPsd(SplittableRandom rng, int k, int rank) {
        double[][] b = new double[k][rank];
        for (double[] row : b) {
            for (int j = 0; j < rank; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < rank; l++) {
                    s += b[i][l] * b[j][l];
                }
                m[i][j] = s / rank;
            }
        }
        return m;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }

    @Test
    void decompositionReconstructsTheMatrixWithOrthonormalVectors() {
        double[][] a = randomPsd(new SplittableRandom(1), 30, 40);
        for (int i = 0; i < 30; i++) {
            a[i][i] -= 0.5; // indefinite too
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        assertTrue(maxAbsDiff(e.apply(l -> l), a) < 1e-10);
        double[][] v = e.vectors();
        for (int p = 0; p < 30; p++) {
            for (int q = 0; q < 30; q++) {
                double s = 0;
                for (int i = 0; i < 30; i++) {
                    s += v[i][p] * v[i][q];
                }
                assertEquals(p == q ? 1 : 0, s, 1e-10);
            }
        }
        for (int j = 1; j < 30; j++) {
            assertTrue(e.values()[j - 1] <= e.values()[j]);
        }
    }

    @Test
    void squareRootSquaredIsTheMatrixEvenWhenSingular() {
        for (int rank : new int[] {5, 60}) {
            double[][] m = randomPsd(new SplittableRandom(rank), 40, rank);
            double[][] r = FeatureGaussian.sqrtPsd(m);
            assertTrue(maxAbsDiff(FeatureGaussian.multiply(r, r), m) < 1e-9, "rank " + rank);
        }
    }

    @Test
    void knownEigenvaluesOfATwoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertEquals(1, e.values()[0], 1e-14);
        assertEquals(3, e.values()[1], 1e-14);
    }

    @Test
    void rejectsNonSymmetricInput() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
    }
}
