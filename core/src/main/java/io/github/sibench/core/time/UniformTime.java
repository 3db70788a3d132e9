package io.github.sibench.core.time;

import java.util.random.RandomGenerator;

/**
 * Uniform training times {@code t ~ U[tMin, tMax]}, the usual choice for flow matching and stochastic
 * interpolants (Lipman et al. 2023; Albergo et al. 2023). Keeping {@code tMin > 0} and
 * {@code tMax < 1} avoids the endpoints where gamma'(t) of the stochastic interpolant is infinite.
 */
public record UniformTime(double tMin, double tMax) implements TimeSampler {

    public UniformTime {
        if (!(0 <= tMin && tMin < tMax && tMax <= 1)) {
            throw new IllegalArgumentException("uniform time: need 0 <= tMin < tMax <= 1, got " + tMin + ", " + tMax);
        }
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = tMin + (tMax - tMin) * rng.nextDouble();
        }
        return t;
    }
}
