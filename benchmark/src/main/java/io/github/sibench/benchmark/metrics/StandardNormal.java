package io.github.sibench.benchmark.metrics;

/**
 * The standard normal CDF {@code Phi} and density {@code phi}, fast and accurate to about 1e-15 absolute,
 * for the hot loops of the exact sliced Wasserstein distance.
 *
 * <p>Exact values ({@link #cdfReference}) come from {@code Phi(z) = (1 + erf(z / sqrt 2)) / 2} with, for
 * {@code x = |z| / sqrt 2 < 1}, the everywhere-positive series
 * {@code erf(x) = (2 / sqrt pi) e^(-x^2) sum_{n >= 0} 2^n x^(2n+1) / (1 3 5 ... (2n+1))} (Abramowitz and
 * Stegun 7.1.6), and for {@code x >= 1} the continued fraction
 * {@code erfc(x) = e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))))}
 * (A&amp;S 7.1.14), evaluated backwards from depth 200. They are tabulated once on the grid
 * {@code z_j = j / 128} over {@code [-LIMIT, LIMIT]}; between nodes, with {@code t = z - z_j},
 * {@code |t| <= 1/256}, the Taylor series {@code phi(z_j + t) = phi(z_j) sum_k (-1)^k He_k(z_j) t^k / k!}
 * (He the probabilists' Hermite polynomials, the derivatives of phi) up to k = 5, and its integral for
 * Phi, leave a remainder below 1e-16. Beyond {@code |z| > LIMIT} = 8.5, Phi is 0 or 1 and phi is 0
 * (the true values are below 1e-17).
 */
final class StandardNormal {

    /** Beyond this |z|, Phi is taken as 0 or 1 and phi as 0. */
    static final double LIMIT = 8.5;

    /** Table nodes per unit of z. */
    static final int PER_UNIT = 128;
    /** Index of the node z = 0. */
    static final int HALF = (int) Math.round(LIMIT * PER_UNIT);
    /** Values per node in {@link #TABLE}. */
    static final int STRIDE = 7;
    /**
     * Per node j ({@code z_j = (j - HALF) / PER_UNIT}), at {@code STRIDE j}: Phi(z_j), phi(z_j), then the
     * Taylor coefficients {@code (-1)^k He_k(z_j) / k!}, k = 1 .. 5, of {@code phi(z_j + t) / phi(z_j)}.
     */
    static final double[] TABLE = new double[STRIDE * (2 * HALF + 1)];
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    static {
        for (int j = 0; j <= 2 * HALF; j++) {
            double z = (j - HALF) / (double) PER_UNIT;
            double he1 = z;
            double he2 = z * z - 1;
            double he3 = z * he2 - 2 * he1;
            double he4 = z * he3 - 3 * he2;
            double he5 = z * he4 - 4 * he3;
            int o = STRIDE * j;
            TABLE[o] = cdfReference(z);
            TABLE[o + 1] = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
            TABLE[o + 2] = -he1;
            TABLE[o + 3] = he2 / 2;
            TABLE[o + 4] = -he3 / 6;
            TABLE[o + 5] = he4 / 24;
            TABLE[o + 6] = -he5 / 120;
        }
    }

    private StandardNormal() {}

    /** {@code Phi(z)}, to about 1e-15 absolute. */
    static double cdf(double z) {
        if (z <= -LIMIT) {
            return 0;
        }
        if (z >= LIMIT) {
            return 1;
        }
        int j = (int) Math.round(z * PER_UNIT) + HALF;
        double t = z - (j - HALF) / (double) PER_UNIT;
        int o = STRIDE * j;
        return TABLE[o] + TABLE[o + 1] * t * cdfSeries(o, t);
    }

    /**
     * {@code (Phi(z_j + t) - Phi(z_j)) / (phi(z_j) t)}: the integral of the density series,
     * {@code 1 + c1 t/2 + c2 t^2/3 + c3 t^3/4 + c4 t^4/5 + c5 t^5/6}, for the node at offset o.
     */
    static double cdfSeries(int o, double t) {
        double s = TABLE[o + 6] / 6;
        s = TABLE[o + 5] / 5 + t * s;
        s = TABLE[o + 4] / 4 + t * s;
        s = TABLE[o + 3] / 3 + t * s;
        s = TABLE[o + 2] / 2 + t * s;
        return 1 + t * s;
    }

    /** {@code phi(z_j + t) / phi(z_j)} for the node at offset o: {@code 1 + c1 t + ... + c5 t^5}. */
    static double pdfSeries(int o, double t) {
        double s = TABLE[o + 6];
        s = TABLE[o + 5] + t * s;
        s = TABLE[o + 4] + t * s;
        s = TABLE[o + 3] + t * s;
        s = TABLE[o + 2] + t * s;
        return 1 + t * s;
    }

    /** {@code phi(z) = exp(-z^2 / 2) / sqrt(2 pi)}, to about 1e-16 absolute. */
    static double pdf(double z) {
        if (z <= -LIMIT || z >= LIMIT) {
            return 0;
        }
        int j = (int) Math.round(z * PER_UNIT) + HALF;
        double t = z - (j - HALF) / (double) PER_UNIT;
        int o = STRIDE * j;
        return TABLE[o + 1] * pdfSeries(o, t);
    }

    /** {@code Phi(z)} from the series and continued fraction in the class comment (slow; for the table). */
    static double cdfReference(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        if (x < 1) {
            double sum = 0;
            double term = x;
            for (int n = 1; term > 1e-18 * sum || n == 1; n++) {
                sum += term;
                term *= 2 * x * x / (2 * n + 1);
            }
            double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
        double t = x;
        for (int k = 200; k >= 1; k--) {
            t = x + 0.5 * k / t;
        }
        double erfc = Math.exp(-x * x) / Math.sqrt(Math.PI) / t;
        return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }
}
