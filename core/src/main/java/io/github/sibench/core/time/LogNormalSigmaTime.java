package io.github.sibench.core.time;

import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.random.RandomGenerator;

/**
 * EDM's training noise levels {@code ln sigma ~ N(P_mean, P_std^2)} (Karras et al. 2022, Table 1;
 * defaults P_mean = -1.2, P_std = 1.2), returned as times of a {@link VeInterpolant}
 * ({@code t = sigma / sigma_max}, clamped to [0, 1]).
 */
public record LogNormalSigmaTime(VeInterpolant interpolant, double pMean, double pStd) implements TimeSampler {

    public LogNormalSigmaTime {
        if (interpolant == null || !Double.isFinite(pMean) || !(pStd > 0) || !Double.isFinite(pStd)) {
            throw new IllegalArgumentException("log-normal sigma: need a VE interpolant and finite pMean, pStd > 0");
        }
    }

    /** EDM's defaults P_mean = -1.2, P_std = 1.2. */
    public LogNormalSigmaTime(VeInterpolant interpolant) {
        this(interpolant, -1.2, 1.2);
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = interpolant.timeOf(Math.exp(pMean + pStd * rng.nextGaussian()));
        }
        return t;
    }
}
