package io.github.sibench.models.si;

/**
 * Settings of {@link StochasticInterpolantModel}.
 *
 * @param a strength of the latent term, gamma(t) = sqrt(a t (1 - t)) (default 1)
 * @param tMin smallest training time, > 0 because gamma'(0) is infinite (default 1e-3)
 * @param tMax largest training time, < 1 for the same reason (default 1 - 1e-3)
 */
public record StochasticInterpolantConfig(double a, double tMin, double tMax) {

    public StochasticInterpolantConfig {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("stochastic-interpolant: a must be finite and > 0, got " + a);
        }
        if (!(0 < tMin && tMin < tMax && tMax < 1)) {
            throw new IllegalArgumentException("stochastic-interpolant: need 0 < tMin < tMax < 1, got tMin=" + tMin
                    + ", tMax=" + tMax);
        }
    }

    public static StochasticInterpolantConfig defaults() {
        return new StochasticInterpolantConfig(1.0, 1e-3, 1 - 1e-3);
    }
}
