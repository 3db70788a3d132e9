package io.github.sibench.core.stats;

/**
 * The cyclic Jacobi eigenvalue method (Golub and Van Loan, "Matrix Computations", 4th ed., section 8.5),
 * kept from the former {@link SymmetricEigen} implementation as an independent reference for its tests:
 * sweeps of plane rotations over all off-diagonal pairs until the off-diagonal Frobenius norm is below
 * {@code 1e-15} times the matrix's Frobenius norm. O(k^3) per sweep; for small test matrices only.
 */
final class JacobiReference {

    private JacobiReference() {
    }

    /** The eigenvalues of the symmetric matrix {@code a} (not modified) in ascending order. */
    static double[] values(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
            for (double x : a[i]) {
                norm2 += x * x;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += 2 * m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-30 * norm2) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        java.util.Arrays.sort(values);
        return values;
    }

    private static void rotate(double[][] m, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
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
    }
}
