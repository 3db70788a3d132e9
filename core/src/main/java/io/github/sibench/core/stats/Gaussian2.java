package io.github.sibench.core.stats;

/**
 * A Gaussian in the plane, by its mean m and covariance S = [[sxx, sxy], [sxy, syy]]: the suite's one 2D
 * Gaussian type. It serves as a mixture component, as the exact or fitted moments of a 2D distribution,
 * and in the Frechet distance between two such moments.
 *
 * <p>Validation: every entry finite, S symmetric positive semi-definite ({@code sxx, syy >= 0} and
 * {@code sxy^2 <= sxx syy} up to a relative rounding of 1e-12). Semi-definite is allowed because fitted
 * moments of degenerate samples (all points on a line) are legitimate; the density, the Mahalanobis length
 * and the Cholesky factor need a positive definite S ({@link #isPositiveDefinite()}).
 *
 * <p>Formulas:
 *
 * <ul>
 *   <li>eigenvalues {@code (sxx + syy)/2 +- sqrt(((sxx - syy)/2)^2 + sxy^2)}; {@link #minStd()} and
 *       {@link #maxStd()} are their square roots, the standard deviations along the principal axes;
 *   <li>variance along a unit direction u: {@code u^T S u};
 *   <li>{@code log N(y; m, S) = -log(2 pi) - (1/2) log det S - (1/2) (y - m)^T S^-1 (y - m)};
 *   <li>Frechet distance (Dowson and Landau 1982; used as FID by Heusel et al. 2017):
 *       {@code |m1 - m2|^2 + tr S1 + tr S2 - 2 tr sqrt(S1^(1/2) S2 S1^(1/2))}. In two dimensions,
 *       {@code tr sqrt(M) = sqrt(tr M + 2 sqrt(det M))} for a matrix M with non-negative eigenvalues, and
 *       {@code S1^(1/2) S2 S1^(1/2)} has the trace and determinant of {@code S1 S2}.
 * </ul>
 *
 * @param mx mean, first coordinate
 * @param my mean, second coordinate
 * @param sxx variance of the first coordinate
 * @param sxy covariance
 * @param syy variance of the second coordinate
 */
public record Gaussian2(double mx, double my, double sxx, double sxy, double syy) {

    private static final double PSD_TOLERANCE = 1e-12;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Validates finiteness and positive semi-definiteness. */
    public Gaussian2 {
        if (!Double.isFinite(mx) || !Double.isFinite(my) || !Double.isFinite(sxx) || !Double.isFinite(sxy)
                || !Double.isFinite(syy)) {
            throw new IllegalArgumentException("Gaussian2 entries must be finite, got mean (" + mx + ", " + my
                    + ") and covariance [[" + sxx + ", " + sxy + "], [" + sxy + ", " + syy + "]]");
        }
        if (sxx < 0 || syy < 0 || sxy * sxy > sxx * syy * (1 + PSD_TOLERANCE) + Double.MIN_NORMAL) {
            throw new IllegalArgumentException("covariance [[" + sxx + ", " + sxy + "], [" + sxy + ", " + syy
                    + "]] is not positive semi-definite (determinant " + (sxx * syy - sxy * sxy) + ")");
        }
    }

    /** The isotropic Gaussian {@code N(m, std^2 I)}. */
    public static Gaussian2 isotropic(double mx, double my, double std) {
        return new Gaussian2(mx, my, std * std, 0, std * std);
    }

    /**
     * The Gaussian at m with standard deviation {@code stdAlong} along the direction (dirX, dirY) (any
     * non-zero length) and {@code stdAcross} perpendicular to it: {@code S = a^2 t t^T + c^2 n n^T} with t
     * the unit direction and n its normal.
     */
    public static Gaussian2 aligned(double mx, double my, double dirX, double dirY, double stdAlong,
            double stdAcross) {
        double norm = Math.hypot(dirX, dirY);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("direction must be finite and non-zero, got (" + dirX + ", " + dirY + ")");
        }
        double tx = dirX / norm;
        double ty = dirY / norm;
        double a2 = stdAlong * stdAlong;
        double c2 = stdAcross * stdAcross;
        return new Gaussian2(mx, my, a2 * tx * tx + c2 * ty * ty, (a2 - c2) * tx * ty, a2 * ty * ty + c2 * tx * tx);
    }

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

    /** The same covariance around another mean. */
    public Gaussian2 withMean(double x, double y) {
        return new Gaussian2(x, y, sxx, sxy, syy);
    }

    /** The determinant of the covariance, {@code sxx syy - sxy^2}. */
    public double det() {
        return sxx * syy - sxy * sxy;
    }

    /** Whether the covariance is positive definite ({@code sxx > 0} and {@code det > 0}). */
    public boolean isPositiveDefinite() {
        return sxx > 0 && det() > 0;
    }

    /** The squared Mahalanobis length {@code v^T S^-1 v} of v = (dx, dy); needs a positive definite S. */
    public double mahalanobisSquared(double dx, double dy) {
        return (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det();
    }

    /** {@code log N(x, y; m, S)}; needs a positive definite S. */
    public double logDensity(double x, double y) {
        return -LOG_2PI - 0.5 * Math.log(det()) - 0.5 * mahalanobisSquared(x - mx, y - my);
    }

    /** The variance {@code u^T S u} of the projection on the unit direction {@code u = (ux, uy)}. */
    public double varianceAlong(double ux, double uy) {
        return sxx * ux * ux + 2 * sxy * ux * uy + syy * uy * uy;
    }

    /** Standard deviation along the minor principal axis (square root of the smaller eigenvalue). */
    public double minStd() {
        return Math.sqrt(Math.max(0, 0.5 * (sxx + syy) - eigenHalfGap()));
    }

    /** Standard deviation along the major principal axis (square root of the larger eigenvalue). */
    public double maxStd() {
        return Math.sqrt(0.5 * (sxx + syy) + eigenHalfGap());
    }

    private double eigenHalfGap() {
        return Math.hypot(0.5 * (sxx - syy), sxy);
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
