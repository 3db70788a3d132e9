package io.github.sibench.datasets.plane;

/**
 * A symmetric positive definite 2x2 matrix {@code [[xx, xy], [xy, yy]]}, used as a covariance.
 *
 * <p>Symmetric by construction; the canonical constructor checks positive definiteness
 * ({@code xx > 0} and {@code det = xx yy - xy^2 > 0}). The eigenvalues are
 * {@code (xx + yy)/2 +- sqrt(((xx - yy)/2)^2 + xy^2)}; {@link #minStd()} and {@link #maxStd()} are
 * their square roots, the standard deviations along the principal axes.
 *
 * @param xx variance of the first coordinate
 * @param xy covariance of the two coordinates
 * @param yy variance of the second coordinate
 */
public record Covariance2D(double xx, double xy, double yy) {

    /** Validates that the matrix is finite and positive definite. */
    public Covariance2D {
        if (!Double.isFinite(xx) || !Double.isFinite(xy) || !Double.isFinite(yy)) {
            throw new IllegalArgumentException(
                    "covariance entries must be finite, got [[" + xx + ", " + xy + "], [" + xy + ", " + yy + "]]");
        }
        if (!(xx > 0) || !(xx * yy - xy * xy > 0)) {
            throw new IllegalArgumentException("covariance [[" + xx + ", " + xy + "], [" + xy + ", " + yy
                    + "]] is not positive definite (determinant " + (xx * yy - xy * xy) + ")");
        }
    }

    /**
     * A covariance from a row-major 2x2 array {@code {a, b, c, d}}, checking symmetry
     * ({@code |b - c| <= 1e-12 max|entry|}).
     */
    public static Covariance2D of(double[] rowMajor) {
        if (rowMajor.length != 4) {
            throw new IllegalArgumentException("a 2x2 matrix needs 4 entries, got " + rowMajor.length);
        }
        double b = rowMajor[1];
        double c = rowMajor[2];
        double scale = Math.max(Math.max(Math.abs(rowMajor[0]), Math.abs(rowMajor[3])), Math.abs(b));
        if (!(Math.abs(b - c) <= 1e-12 * scale)) {
            throw new IllegalArgumentException("covariance is not symmetric: off-diagonal entries " + b + " and " + c);
        }
        return new Covariance2D(rowMajor[0], 0.5 * (b + c), rowMajor[3]);
    }

    /** The isotropic covariance {@code std^2 I}. */
    public static Covariance2D isotropic(double std) {
        return new Covariance2D(std * std, 0, std * std);
    }

    /**
     * The covariance with standard deviation {@code stdAlong} along the direction (dirX, dirY) (any
     * non-zero length) and {@code stdAcross} perpendicular to it: {@code a^2 t t^T + c^2 n n^T} with t
     * the unit direction and n its normal.
     */
    public static Covariance2D aligned(double dirX, double dirY, double stdAlong, double stdAcross) {
        double norm = Math.hypot(dirX, dirY);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("direction must be finite and non-zero, got (" + dirX + ", " + dirY + ")");
        }
        double tx = dirX / norm;
        double ty = dirY / norm;
        double a2 = stdAlong * stdAlong;
        double c2 = stdAcross * stdAcross;
        return new Covariance2D(a2 * tx * tx + c2 * ty * ty, (a2 - c2) * tx * ty, a2 * ty * ty + c2 * tx * tx);
    }

    /** The determinant {@code xx yy - xy^2}. */
    public double det() {
        return xx * yy - xy * xy;
    }

    /** The squared Mahalanobis length {@code v^T C^-1 v} of v = (dx, dy). */
    public double mahalanobisSquared(double dx, double dy) {
        return (yy * dx * dx - 2 * xy * dx * dy + xx * dy * dy) / det();
    }

    /** Standard deviation along the minor principal axis (square root of the smaller eigenvalue). */
    public double minStd() {
        return Math.sqrt(0.5 * (xx + yy) - eigenHalfGap());
    }

    /** Standard deviation along the major principal axis (square root of the larger eigenvalue). */
    public double maxStd() {
        return Math.sqrt(0.5 * (xx + yy) + eigenHalfGap());
    }

    private double eigenHalfGap() {
        return Math.hypot(0.5 * (xx - yy), xy);
    }

    /** The matrix as a new row-major array {@code {xx, xy, xy, yy}}. */
    public double[] toArray() {
        return new double[] {xx, xy, xy, yy};
    }
}
