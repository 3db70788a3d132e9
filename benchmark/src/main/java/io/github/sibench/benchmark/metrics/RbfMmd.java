package io.github.sibench.benchmark.metrics;

/**
 * Maximum mean discrepancy with Gaussian (RBF) kernels {@code k_s(a, b) = exp(-|a - b|^2 / (2 s^2))},
 * one value per bandwidth s: the unbiased estimator of Gretton, Borgwardt, Rasch, Schoelkopf and Smola,
 * "A kernel two-sample test" (JMLR 2012, eq. 3),
 *
 * <pre>
 *   MMD_u^2 = 1/(m(m-1)) sum_{i != j} k(x_i, x_j) + 1/(n(n-1)) sum_{i != j} k(y_i, y_j)
 *             - 2/(mn) sum_{i,j} k(x_i, y_j)
 * </pre>
 *
 * between m generated points x and n reference points y. Its mean is the squared MMD, 0 exactly when the
 * laws agree (the Gaussian kernel is characteristic), so for true samples it scatters around 0 and can be
 * negative; its standard deviation then falls like 1/n (a degenerate U-statistic). Each bandwidth sees
 * differences at about its own scale: a small s compares fine structure (a filament's shape), a large s
 * the placement of whole clusters. The reference term is computed once; a measurement costs
 * {@code m(m-1)/2 + mn} kernel rows, O((m^2 + mn) x bandwidths) exponentials.
 */
public final class RbfMmd {

    private final double[] reference;
    private final double[] gammas;
    private final double[] referenceTerm;

    /** Against the reference points (row-major, n x 2, n >= 2) at the given bandwidths (plane units). */
    public RbfMmd(double[] reference, double... sigmas) {
        if (reference.length % 2 != 0 || reference.length < 4) {
            throw new IllegalArgumentException("need at least 2 reference points (row-major n x 2), got array length "
                    + reference.length);
        }
        if (sigmas.length == 0) {
            throw new IllegalArgumentException("need at least one bandwidth");
        }
        this.reference = reference.clone();
        this.gammas = new double[sigmas.length];
        for (int s = 0; s < sigmas.length; s++) {
            if (!(sigmas[s] > 0) || !Double.isFinite(sigmas[s])) {
                throw new IllegalArgumentException("bandwidths must be finite and > 0, got " + sigmas[s]);
            }
            gammas[s] = 1 / (2 * sigmas[s] * sigmas[s]);
        }
        this.referenceTerm = withinMean(this.reference, gammas);
    }

    /** {@code MMD_u^2} of the generated points (row-major, m x 2, m >= 2) at each bandwidth, in order. */
    public double[] squared(double[] generated) {
        if (generated.length % 2 != 0 || generated.length < 4) {
            throw new IllegalArgumentException("need at least 2 generated points (row-major m x 2), got array length "
                    + generated.length);
        }
        double[] xx = withinMean(generated, gammas);
        double[] xy = crossMean(generated, reference, gammas);
        double[] out = new double[gammas.length];
        for (int s = 0; s < gammas.length; s++) {
            out[s] = xx[s] + referenceTerm[s] - 2 * xy[s];
        }
        return out;
    }

    /** {@code 1/(n(n-1)) sum_{i != j} k(a_i, a_j)} per bandwidth. */
    static double[] withinMean(double[] a, double[] gammas) {
        int n = a.length / 2;
        double[] sum = new double[gammas.length];
        double[] row = new double[gammas.length];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(row, 0);
            double x = a[2 * i];
            double y = a[2 * i + 1];
            for (int j = i + 1; j < n; j++) {
                double dx = x - a[2 * j];
                double dy = y - a[2 * j + 1];
                accumulate(dx * dx + dy * dy, gammas, row);
            }
            for (int s = 0; s < sum.length; s++) {
                sum[s] += row[s];
            }
        }
        for (int s = 0; s < sum.length; s++) {
            sum[s] *= 2.0 / ((double) n * (n - 1));
        }
        return sum;
    }

    /** {@code 1/(mn) sum_{i,j} k(a_i, b_j)} per bandwidth. */
    static double[] crossMean(double[] a, double[] b, double[] gammas) {
        int m = a.length / 2;
        int n = b.length / 2;
        double[] sum = new double[gammas.length];
        double[] row = new double[gammas.length];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0);
            double x = a[2 * i];
            double y = a[2 * i + 1];
            for (int j = 0; j < n; j++) {
                double dx = x - b[2 * j];
                double dy = y - b[2 * j + 1];
                accumulate(dx * dx + dy * dy, gammas, row);
            }
            for (int s = 0; s < sum.length; s++) {
                sum[s] += row[s];
            }
        }
        for (int s = 0; s < sum.length; s++) {
            sum[s] /= (double) m * n;
        }
        return sum;
    }

    /** Exponents below this underflow to 0 in double precision anyway. */
    private static final double UNDERFLOW = -746;

    private static void accumulate(double d2, double[] gammas, double[] row) {
        for (int s = 0; s < gammas.length; s++) {
            double e = -gammas[s] * d2;
            if (e > UNDERFLOW) {
                row[s] += Math.exp(e);
            }
        }
    }
}
