package io.github.sibench.benchmark.ranking;

/**
 * Mean and sample standard deviation {@code sqrt(sum (v - mean)^2 / (n - 1))} of a metric over a model's
 * seeds (std is 0 for a single seed).
 *
 * @param mean the mean
 * @param std the sample standard deviation
 * @param n the number of seeds
 */
public record SeedSummary(double mean, double std, int n) {

    /** Summarises {@code values} (non-empty, finite). */
    public static SeedSummary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("seed summary: values must be non-empty");
        }
        double m = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("seed summary: values must be finite, got " + v);
            }
            m += v;
        }
        m /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return new SeedSummary(m, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0, values.length);
    }
}
