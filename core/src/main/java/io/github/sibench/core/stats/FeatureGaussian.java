package io.github.sibench.core.stats;

/**
 * A Gaussian in a k-dimensional feature space fitted to a feature set by its sample mean and sample
 * covariance {@code S = (1 / (n - 1)) sum_i (x_i - mu)(x_i - mu)^T}, and the Frechet distance between two
 * such Gaussians (Dowson and Landau 1982; as FID, Heusel et al., "GANs trained by a two time-scale update
 * rule converge to a local Nash equilibrium", 2017):
 *
 * <pre>  FD = |mu1 - mu2|^2 + tr S1 + tr S2 - 2 tr (S1 S2)^(1/2)</pre>
 *
 * computed stably as {@code tr (S1 S2)^(1/2) = tr (S1^(1/2) S2 S1^(1/2))^(1/2)}: both square roots are of
 * symmetric PSD matrices, taken by {@link SymmetricEigen} with negative rounding eigenvalues clipped to 0,
 * so no non-symmetric square root (and no complex rounding residue) is ever formed. With
 * {@code S1 = V L V^T} and {@code W = V L^(1/2)}, {@code S1^(1/2) S2 S1^(1/2) = V (W^T S2 W) V^T}, so the
 * inner square root's trace is {@code sum sqrt(eig(W^T S2 W))}: one full decomposition, one values-only
 * decomposition and 1.5 k^3 multiply-adds. The 2D case has the closed form in {@link Gaussian2}.
 *
 * @param mean the mean, length k
 * @param covariance the k x k covariance, symmetric
 */
public record FeatureGaussian(double[] mean, double[][] covariance) {

    /** Validates shapes and finiteness. */
    public FeatureGaussian {
        int k = mean.length;
        if (k == 0) {
            throw new IllegalArgumentException("feature gaussian: mean must have at least one entry");
        }
        if (covariance.length != k) {
            throw new IllegalArgumentException("feature gaussian: covariance must be " + k + " x " + k);
        }
        for (int i = 0; i < k; i++) {
            if (covariance[i].length != k) {
                throw new IllegalArgumentException("feature gaussian: covariance must be " + k + " x " + k);
            }
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("feature gaussian: mean entry " + i + " is not finite");
            }
        }
    }

    /** Fits mean and unbiased covariance to the n x k feature matrix {@code x} (rows are samples, n >= 2). */
    public static FeatureGaussian fit(double[][] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("feature gaussian: need at least 2 samples, got " + n);
        }
        int k = x[0].length;
        double[] mu = new double[k];
        for (double[] row : x) {
            if (row.length != k) {
                throw new IllegalArgumentException("feature gaussian: every row must have " + k + " features");
            }
            for (int j = 0; j < k; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < k; j++) {
            mu[j] /= n;
        }
        double[][] s = new double[k][k];
        double[] c = new double[k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                c[j] = row[j] - mu[j];
            }
            for (int i = 0; i < k; i++) {
                double ci = c[i];
                double[] si = s[i];
                for (int j = i; j < k; j++) {
                    si[j] += ci * c[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                s[i][j] /= n - 1;
                s[j][i] = s[i][j];
            }
        }
        return new FeatureGaussian(mu, s);
    }

    /** Fits to a row-major n x k matrix {@code data} (length n k). */
    public static FeatureGaussian fit(double[] data, int k) {
        return fit(Features.rows(data, k));
    }

    /** The Frechet distance to {@code other} (formula in the class comment); never negative. */
    public double frechet(FeatureGaussian other) {
        int k = mean.length;
        if (other.mean.length != k) {
            throw new IllegalArgumentException("frechet: dimensions differ, " + k + " vs " + other.mean.length);
        }
        double d = 0;
        for (int i = 0; i < k; i++) {
            double dm = mean[i] - other.mean[i];
            d += dm * dm + covariance[i][i] + other.covariance[i][i];
        }
        SymmetricEigen e1 = SymmetricEigen.of(covariance);
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                w[i][j] = e1.vectors()[i][j] * Math.sqrt(Math.max(0, e1.values()[j]));
            }
        }
        double[][] inner = transposeTimes(w, multiply(other.covariance, w));
        double trSqrt = 0;
        for (double lambda : SymmetricEigen.valuesOf(inner)) {
            trSqrt += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, d - 2 * trSqrt);
    }

    /** Frechet distance between Gaussians fitted to the feature sets {@code x} and {@code y} (n x k each). */
    public static double frechet(double[][] x, double[][] y) {
        return fit(x).frechet(fit(y));
    }

    /** The PSD square root of the symmetric matrix {@code m}; negative (rounding) eigenvalues become 0. */
    public static double[][] sqrtPsd(double[][] m) {
        return SymmetricEigen.of(m).apply(l -> Math.sqrt(Math.max(0, l)));
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int l = 0; l < inner; l++) {
                double ail = a[i][l];
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    oi[j] += ail * bl[j];
                }
            }
        }
        return out;
    }

    /**
     * {@code W^T M} for k x k matrices when the product is known to be symmetric ({@code M = S W}, S
     * symmetric): the upper triangle is accumulated row-wise and mirrored, so the result is exactly symmetric.
     */
    private static double[][] transposeTimes(double[][] w, double[][] m) {
        int k = w.length;
        double[][] out = new double[k][k];
        for (int l = 0; l < k; l++) {
            double[] wl = w[l];
            double[] ml = m[l];
            for (int i = 0; i < k; i++) {
                double a = wl[i];
                if (a == 0) {
                    continue; // clipped (null-space) directions of S1
                }
                double[] oi = out[i];
                for (int j = i; j < k; j++) {
                    oi[j] += a * ml[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                out[i][j] = out[j][i];
            }
        }
        return out;
    }
}
