package io.github.sibench.core.stats;

/**
 * A Gaussian in the plane, by its mean and covariance, with the Frechet (2-Wasserstein) distance
 * between two of them in closed form.
 *
 * <p>Frechet distance (Dowson and Landau 1982; used as FID by Heusel et al. 2017):
 * {@code |m1 - m2|^2 + tr S1 + tr S2 - 2 tr sqrt(S1^(1/2) S2 S1^(1/2))}. In two dimensions,
 * {@code tr sqrt(M) = sqrt(tr M + 2 sqrt(det M))} for a matrix M with non-negative eigenvalues, and
 * {@code S1^(1/2) S2 S1^(1/2)} has the trace and determinant of {@code S1 S2}.
 *
 * @param mx mean, first coordinate
 * @param my mean, second coordinate
 * @param sxx variance of the first coordinate
 * @param sxy covariance
 * @param syy variance of the second coordinate
 */
public record Gaussian2(double mx, double my, double sxx, double sxy, double syy) {

    /** Sample mean and (unbiased) covariance of n points stored row-major as x0, y0, x1, y1, ... */
    public static Gaussian2 fit(double[] xy) {
        int n = xy.length / 2;
        if (n < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("need at least 2 points as (x, y) pairs, got " + xy.length + " values");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i];
            my += xy[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mx;
            double dy = xy[2 * i + 1] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return new Gaussian2(mx, my, sxx / (n - 1), sxy / (n - 1), syy / (n - 1));
    }

    /** Squared Frechet distance to {@code other}. */
    public double frechet(Gaussian2 other) {
        double dx = mx - other.mx;
        double dy = my - other.my;
        // M = S1 S2
        double m00 = sxx * other.sxx + sxy * other.sxy;
        double m01 = sxx * other.sxy + sxy * other.syy;
        double m10 = sxy * other.sxx + syy * other.sxy;
        double m11 = sxy * other.sxy + syy * other.syy;
        double det = Math.max(0, m00 * m11 - m01 * m10);
        double trSqrt = Math.sqrt(Math.max(0, m00 + m11 + 2 * Math.sqrt(det)));
        double d = dx * dx + dy * dy + sxx + syy + other.sxx + other.syy - 2 * trSqrt;
        return Math.max(0, d);
    }
}
