package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.interpolant.TrigonometricInterpolant;
import io.github.sibench.core.interpolant.VpInterpolant;
import java.util.List;

/**
 * Shared test data: a 3-d Gaussian with non-zero mean and a non-diagonal covariance, sample moments with
 * their standard errors, and a little dense linear algebra done independently of {@link GaussianOracle}.
 */
public final class GaussianFixture {

    public static final double[] MEAN = {0.8, -0.5, 0.3};
    public static final double[] EIGENVALUES = {0.4, 1.0, 2.0};

    private GaussianFixture() {}

    /** The four interpolants every sampler is checked on. */
    public static List<Interpolant> interpolants() {
        return List.of(new LinearInterpolant(), new TrigonometricInterpolant(), new StochasticInterpolant(1),
                new VpInterpolant());
    }

    /** A product of three Givens rotations: orthogonal, far from diagonal. */
    public static double[][] rotation() {
        double[][] r = identity(3);
        r = multiply(r, givens(0, 1, 0.5));
        r = multiply(r, givens(1, 2, -0.7));
        return multiply(r, givens(0, 2, 0.3));
    }

    public static GaussianOracle oracle(Interpolant interpolant) {
        return new GaussianOracle(interpolant, MEAN, rotation(), EIGENVALUES);
    }

    /** {@code S = R diag(lambda) R^T}, computed here (not by the oracle). */
    public static double[][] covariance() {
        double[][] r = rotation();
        double[][] l = new double[3][3];
        for (int i = 0; i < 3; i++) {
            l[i][i] = EIGENVALUES[i];
        }
        return multiply(multiply(r, l), transpose(r));
    }

    /** Sample mean and (biased, 1/n) covariance of an (n, d) batch. */
    public record Moments(int n, double[] mean, double[][] cov) {}

    public static Moments moments(NDArray x) {
        double[][] rows = rows(x);
        int n = rows.length;
        int d = rows[0].length;
        double[] m = new double[d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                m[i] += row[i] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (row[i] - m[i]) * (row[j] - m[j]) / n;
                }
            }
        }
        return new Moments(n, m, c);
    }

    /**
     * Largest deviation of the sample moments from the truth {@code N(m, S)}, in standard errors, after an
     * absolute allowance: {@code max (|est - true| - allowance) / se} with {@code se(mean_i) = sqrt(S_ii / n)}
     * and {@code se(cov_ij) = sqrt((S_ii S_jj + S_ij^2) / n)}.
     */
    public static double maxZ(Moments est, double[] m, double[][] s, double allowance) {
        int n = est.n();
        double worst = 0;
        for (int i = 0; i < m.length; i++) {
            worst = Math.max(worst, (Math.abs(est.mean()[i] - m[i]) - allowance) / Math.sqrt(s[i][i] / n));
            for (int j = 0; j < m.length; j++) {
                double se = Math.sqrt((s[i][i] * s[j][j] + s[i][j] * s[i][j]) / n);
                worst = Math.max(worst, (Math.abs(est.cov()[i][j] - s[i][j]) - allowance) / se);
            }
        }
        return worst;
    }

    /** Largest absolute difference between two sets of moments. */
    public static double maxMomentGap(Moments a, Moments b) {
        double worst = 0;
        for (int i = 0; i < a.mean().length; i++) {
            worst = Math.max(worst, Math.abs(a.mean()[i] - b.mean()[i]));
            for (int j = 0; j < a.mean().length; j++) {
                worst = Math.max(worst, Math.abs(a.cov()[i][j] - b.cov()[i][j]));
            }
        }
        return worst;
    }

    /** Root mean square over all elements of {@code a - b}, in double precision. */
    public static double rmsDiff(NDArray a, NDArray b) {
        double[][] x = rows(a);
        double[][] y = rows(b);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double e = x[i][j] - y[i][j];
                sum += e * e;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    public static double[][] rows(NDArray x) {
        int n = Math.toIntExact(x.getShape().get(0));
        int d = Math.toIntExact(x.getShape().get(1));
        double[] flat;
        try (NDArray x64 = x.toType(DataType.FLOAT64, true)) {
            flat = x64.toDoubleArray();
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    public static double[][] identity(int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    public static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** Inverse by Gauss-Jordan elimination with partial pivoting. */
    public static double[][] inverse(double[][] a) {
        int d = a.length;
        double[][] m = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, m[i], 0, d);
            m[i][d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double p = m[col][col];
            for (int j = 0; j < 2 * d; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double f = m[r][col];
                    for (int j = 0; j < 2 * d; j++) {
                        m[r][j] -= f * m[col][j];
                    }
                }
            }
        }
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], d, out[i], 0, d);
        }
        return out;
    }

    /** log det of a symmetric positive-definite matrix, by Cholesky. */
    public static double logDet(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(sum);
                    logDet += 2 * Math.log(l[i][i]);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return logDet;
    }

    private static double[][] givens(int i, int j, double angle) {
        double[][] g = identity(3);
        g[i][i] = Math.cos(angle);
        g[j][j] = Math.cos(angle);
        g[i][j] = -Math.sin(angle);
        g[j][i] = Math.sin(angle);
        return g;
    }
}
