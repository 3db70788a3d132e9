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

    static double[][] randomSymmetric(SplittableRandom rng, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    /** The Frobenius norm, computed as max |a_ij| times that of a / max so that it does not underflow. */
    static double frobenius(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += max == 0 ? 0 : (x / max) * (x / max);
            }
        }
        return Math.sqrt(s) * max;
    }

    /**
     * Checks A V = V diag(values) to {@code 1e-9 |A|_F}, V^T V = I to 1e-10, ascending values, values equal
     * to the Jacobi reference to {@code 1e-9 |A|_F}, and {@link SymmetricEigen#valuesOf} equal to them.
     */
    static void assertDecomposes(double[][] a, String label) {
        assertDecomposes(a, JacobiReference.values(a), label);
    }

    /** As {@link #assertDecomposes(double[][], String)} with the expected values given. */
    static void assertDecomposes(double[][] a, double[] reference, String label) {
        int n = a.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        double scale = Math.max(frobenius(a), Double.MIN_NORMAL);
        double[] l = e.values();
        double[][] v = e.vectors();
        assertEquals(0, maxAbsDiff(copy, a), label + ": input modified");
        assertEquals(n, l.length, label);
        assertEquals(n, v.length, label);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double av = 0;
                for (int k = 0; k < n; k++) {
                    av += a[i][k] * v[k][j];
                }
                assertEquals(0, (av - v[i][j] * l[j]) / scale, 1e-9, label + ": (A V - V L)(" + i + ", " + j + ")");
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += v[i][p] * v[i][q];
                }
                assertEquals(p == q ? 1 : 0, s, 1e-10, label + ": (V^T V)(" + p + ", " + q + ")");
            }
        }
        double[] only = SymmetricEigen.valuesOf(a);
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                assertTrue(l[j - 1] <= l[j], label + ": values not ascending at " + j);
            }
            assertEquals(reference[j], l[j], 1e-9 * scale, label + ": value " + j + " vs Jacobi");
            assertEquals(l[j], only[j], 1e-12 * scale, label + ": valuesOf " + j);
        }
    }

    @Test
    void randomSymmetricMatricesAgreeWithJacobi() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int n : new int[] {1, 2, 3, 10, 100, 300}) {
            assertDecomposes(randomSymmetric(rng, n), "random " + n);
        }
    }

    @Test
    void wideRangeOfEntryScales() {
        double[][] unit = randomSymmetric(new SplittableRandom(19), 12);
        double[] unitValues = JacobiReference.values(unit);
        for (double s : new double[] {1e-300, 1e-200, 1e-8, 1e8, 1e200, 1e300}) {
            double[][] a = new double[12][12];
            double[] expected = new double[12];
            for (int i = 0; i < 12; i++) {
                expected[i] = s * unitValues[i];
                for (int j = 0; j < 12; j++) {
                    a[i][j] = s * unit[i][j];
                }
            }
            assertDecomposes(a, expected, "scale " + s);
        }
    }

    /** Hard cases for shifted QR: Wilkinson's W21+ (pairs agreeing to 1e-14), a graded and a 2-cyclic matrix. */
    @Test
    void classicallyHardMatrices() {
        int n = 21;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = Math.abs(10 - i);
            if (i + 1 < n) {
                w[i][i + 1] = 1;
                w[i + 1][i] = 1;
            }
        }
        assertDecomposes(w, "Wilkinson W21+");
        double[][] graded = randomSymmetric(new SplittableRandom(37), 15);
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                graded[i][j] *= Math.pow(10, 0.5 * (i + j) - 7);
            }
        }
        assertDecomposes(graded, "graded");
        double[][] cyclic = new double[8][8];
        for (int i = 0; i < 8; i++) {
            cyclic[i][(i + 1) % 8] = 1;
            cyclic[(i + 1) % 8][i] = 1;
        }
        assertDecomposes(cyclic, "cycle graph");
    }

    @Test
    void repeatedEigenvalues() {
        int n = 20;
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1;
        }
        assertDecomposes(identity, "identity");
        for (double l : SymmetricEigen.of(identity).values()) {
            assertEquals(1, l, 1e-15);
        }
        // Four equal 5 x 5 blocks: each value has multiplicity 4.
        double[][] block = randomSymmetric(new SplittableRandom(23), 5);
        double[][] a = new double[n][n];
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < 5; i++) {
                System.arraycopy(block[i], 0, a[5 * b + i], 5 * b, 5);
            }
        }
        assertDecomposes(a, "equal blocks");
        double[] blockValues = JacobiReference.values(block);
        double[] l = SymmetricEigen.valuesOf(a);
        for (int j = 0; j < n; j++) {
            assertEquals(blockValues[j / 4], l[j], 1e-12);
        }
        // The equal blocks mixed by a random orthogonal matrix: still 4 copies of each value.
        double[][] q = SymmetricEigen.of(randomSymmetric(new SplittableRandom(29), n)).vectors();
        double[][] mixed = FeatureGaussian.multiply(FeatureGaussian.multiply(q, a), transpose(q));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                mixed[i][j] = mixed[j][i];
            }
        }
        assertDecomposes(mixed, "mixed equal blocks");
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void zeroMatrixAndEmptyMatrix() {
        assertDecomposes(new double[7][7], "zero");
        assertEquals(0, SymmetricEigen.of(new double[0][0]).values().length);
        for (double l : SymmetricEigen.valuesOf(new double[7][7])) {
            assertEquals(0, l);
        }
    }

    @Test
    void rankOnePsdHasOneNonZeroValue() {
        SplittableRandom rng = new SplittableRandom(31);
        int n = 50;
        double[] u = new double[n];
        double uu = 0;
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            uu += u[i] * u[i];
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = u[i] * u[j];
            }
        }
        assertDecomposes(a, "rank one");
        SymmetricEigen e = SymmetricEigen.of(a);
        assertEquals(uu, e.values()[n - 1], 1e-12 * uu);
        for (int j = 0; j < n - 1; j++) {
            assertEquals(0, e.values()[j], 1e-13 * uu);
        }
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += e.vectors()[i][n - 1] * u[i];
        }
        assertEquals(1, Math.abs(dot) / Math.sqrt(uu), 1e-12);
    }

    @Test
    void diagonalInputSortedOrNot() {
        double[] sorted = {-3, -1, 0, 0.5, 2, 2, 7};
        double[] shuffled = {2, -1, 7, 0, -3, 2, 0.5};
        for (double[] diag : new double[][] {sorted, shuffled}) {
            double[][] a = new double[diag.length][diag.length];
            for (int i = 0; i < diag.length; i++) {
                a[i][i] = diag[i];
            }
            assertDecomposes(a, "diagonal");
            SymmetricEigen e = SymmetricEigen.of(a);
            for (int j = 0; j < diag.length; j++) {
                assertEquals(sorted[j], e.values()[j], 0);
                // Each vector is a unit coordinate vector at a position holding its value.
                int at = -1;
                for (int i = 0; i < diag.length; i++) {
                    if (Math.abs(e.vectors()[i][j]) > 0.5) {
                        at = i;
                    }
                }
                assertEquals(sorted[j], diag[at], 0);
            }
        }
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
