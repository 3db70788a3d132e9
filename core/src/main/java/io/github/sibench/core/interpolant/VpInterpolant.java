package io.github.sibench.core.interpolant;

/**
 * Variance-preserving diffusion (DDPM / VP score SDE) written as an interpolant.
 *
 * <p>Ho et al., "Denoising Diffusion Probabilistic Models" (2020); Song et al., "Score-Based
 * Generative Modeling through Stochastic Differential Equations" (2021). With the linear schedule
 * {@code b(t) = b_min + t (b_max - b_min)} and {@code B(t) = int_0^t b = b_min t + (b_max - b_min) t^2 / 2}:
 * alpha = exp(-B/2), beta = sqrt(1 - alpha^2), gamma = 0. Then alpha' = -b alpha / 2 and
 * beta' = b alpha^2 / (2 beta) (infinite at t = 0). At t = 1, alpha = exp(-B(1)/2) is small but not
 * zero (about 0.0064 for the defaults 0.1 and 20), as in the paper.
 *
 * @param betaMin b_min, default 0.1
 * @param betaMax b_max, default 20
 */
public record VpInterpolant(double betaMin, double betaMax) implements Interpolant {

    public VpInterpolant {
        if (!(betaMin >= 0) || !(betaMax > betaMin) || !Double.isFinite(betaMax)) {
            throw new IllegalArgumentException(
                    "vp interpolant: need 0 <= betaMin < betaMax < inf, got " + betaMin + ", " + betaMax);
        }
    }

    /** Song et al.'s defaults, b_min = 0.1 and b_max = 20. */
    public VpInterpolant() {
        this(0.1, 20);
    }

    /** Integrated schedule {@code B(t)}. */
    public double integratedBeta(double t) {
        return betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
    }

    @Override
    public Coefficients at(double t) {
        double b = betaMin + t * (betaMax - betaMin);
        double alpha = Math.exp(-0.5 * integratedBeta(t));
        double beta2 = -Math.expm1(-integratedBeta(t));
        double beta = Math.sqrt(beta2);
        double alphaDot = -0.5 * b * alpha;
        double betaDot = beta > 0 ? 0.5 * b * alpha * alpha / beta : Double.POSITIVE_INFINITY;
        // beta beta' = b alpha^2 / 2, finite at t = 0 where beta' is not.
        return new Coefficients(t, alpha, beta, 0, alphaDot, betaDot, 0, 0.5 * b * alpha * alpha);
    }

    @Override
    public String name() {
        return "vp";
    }
}
