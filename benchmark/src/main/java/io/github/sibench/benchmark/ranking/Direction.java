package io.github.sibench.benchmark.ranking;

/** Which way a metric improves. Rankings work on the oriented value, for which lower is always better. */
public enum Direction {
    /** Distances, divergences, negative log-likelihoods (the default). */
    LOWER_IS_BETTER(1),
    /** Precision, recall, coverage. */
    HIGHER_IS_BETTER(-1);

    private final double sign;

    Direction(double sign) {
        this.sign = sign;
    }

    /** The value oriented so that lower is better: {@code v} or {@code -v}. */
    public double oriented(double v) {
        return sign * v;
    }

    /** The column value written to CSV files. */
    public String label() {
        return this == LOWER_IS_BETTER ? "lower" : "higher";
    }
}
