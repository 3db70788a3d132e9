package io.github.sibench.core.stats;

/**
 * Eigen decomposition {@code A = V diag(lambda) V^T} of a real symmetric matrix by the cyclic Jacobi method
 * (Jacobi 1846; Golub and Van Loan, "Matrix Computations", 4th ed., section 8.5): sweeps over all
 * off-diagonal pairs (p, q), each annihilated by a plane rotation with {@code theta = (a_qq - a_pp) /
 * (2 a_pq)}, {@code t = sign(theta) / (|theta| + sqrt(theta^2 + 1))}, until the off-diagonal Frobenius
 * norm is below {@code 1e-15} times the matrix's Frobenius norm.
 *
 * <p>Why a hand-written solver rather than commons-math3 or EJML (both on Maven Central): the suite needs
 * exactly one operation (eigen decomposition of symmetric PSD matrices up to about 512 x 512, a few times
 * per evaluation), Jacobi is short, unconditionally convergent and accurate to high relative precision for
 * small eigenvalues (Demmel and Veselic 1992), which is what the square root of a nearly singular
 * covariance needs. Cost: O(k^3) per sweep, about 6 to 10 sweeps; a Frechet distance at k = 512
 * (n = 1000 rows, covariances included) measured 7.7 s on the shared 2-core build machine, k = 256 about
 * 1.5 s. Should k = 2048 (Inception pool features) be needed, a Householder tridiagonalisation plus
 * implicit QR (or EJML) is the upgrade. A dependency would add an API surface to the core for one call.
 *
 * @param values eigenvalues, in ascending order
 * @param vectors eigenvectors as columns: {@code vectors[i][j]} is entry i of the eigenvector of
 *     {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    /** Decomposes the symmetric matrix {@code a} (not modified); throws if it is not square and symmetric. */
    public static SymmetricEigen of(double[][] a) {
        return decompose(a, true);
    }

    /**
     * The eigenvalues of the symmetric matrix {@code a} in ascending order, without accumulating the
     * eigenvectors (about a third less work than {@link #of}).
     */
    public static double[] valuesOf(double[][] a) {
        return decompose(a, false).values();
    }

    private static SymmetricEigen decompose(double[][] a, boolean withVectors) {
        int n = a.length;
        double[][] m = new double[n][];
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("eigen: matrix must be square, row " + i + " has length "
                        + a[i].length + " not " + n);
            }
            m[i] = a[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("eigen: entry (" + i + ", " + j + ") is not finite");
                }
                norm2 += a[i][j] * a[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * Math.sqrt(norm2)) {
                    throw new IllegalArgumentException("eigen: matrix must be symmetric, entries (" + i + ", "
                            + j + ") differ; symmetrise it first");
                }
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        double[][] v = withVectors ? new double[n][n] : null;
        for (int i = 0; withVectors && i < n; i++) {
            v[i][i] = 1;
        }
        double stop = 1e-30 * norm2;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += 2 * m[i][j] * m[i][j];
                }
            }
            if (off <= stop) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(m[x][x], m[y][y]));
        double[] values = new double[n];
        double[][] vectors = withVectors ? new double[n][n] : new double[0][];
        for (int j = 0; j < n; j++) {
            values[j] = m[order[j]][order[j]];
            for (int i = 0; withVectors && i < n; i++) {
                vectors[i][j] = v[i][order[j]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        // A <- J^T A J with J the rotation in the (p, q) plane; rows and columns kept symmetric.
        for (int k = 0; k < n; k++) {
            double akp = m[k][p];
            double akq = m[k][q];
            m[k][p] = c * akp - s * akq;
            m[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = m[p][k];
            double aqk = m[q][k];
            m[p][k] = c * apk - s * aqk;
            m[q][k] = s * apk + c * aqk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; v != null && k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /**
     * {@code V diag(f(lambda)) V^T}: the matrix function f of the decomposed matrix (e.g. the square root
     * with {@code f = sqrt(max(0, .))}).
     */
    public double[][] apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[] fl = new double[n];
        for (int j = 0; j < n; j++) {
            fl[j] = f.applyAsDouble(values[j]);
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += vectors[i][j] * fl[j] * vectors[k][j];
                }
                out[i][k] = s;
                out[k][i] = s;
            }
        }
        return out;
    }
}
