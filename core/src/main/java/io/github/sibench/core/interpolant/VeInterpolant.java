package io.github.sibench.core.interpolant;

/**
 * Variance-exploding diffusion in EDM's sigma parametrisation: {@code x_t = x0 + sigma(t) x1} with
 * {@code sigma(t) = sigma_max t}.
 *
 * <p>Karras, Aittala, Aila and Laine, "Elucidating the Design Space of Diffusion-Based Generative
 * Models" (EDM, 2022), which uses sigma(t) = t; here time is rescaled to [0, 1]. alpha = 1,
 * beta = sigma_max t, gamma = 0. Unlike the variance-preserving interpolants, alpha(1) = 1 and
 * beta(1) = sigma_max: the noise endpoint is {@code x0 + sigma_max x1}, which for sigma_max much
 * larger than the data scale is sampled as {@code sigma_max x1} (EDM Algorithm 1, line 1).
 *
 * @param sigmaMax largest noise level, EDM default 80
 */
public record VeInterpolant(double sigmaMax) implements Interpolant {

    public VeInterpolant {
        if (!(sigmaMax > 0) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("ve interpolant: sigmaMax must be finite and > 0, got " + sigmaMax);
        }
    }

    /** EDM's default sigma_max = 80. */
    public VeInterpolant() {
        this(80);
    }

    /** Noise level at time t. */
    public double sigma(double t) {
        return sigmaMax * t;
    }

    /** Time at which the noise level is sigma (inverse of {@link #sigma(double)}), clamped to [0, 1]. */
    public double timeOf(double sigma) {
        return Math.min(1, Math.max(0, sigma / sigmaMax));
    }

    @Override
    public Coefficients at(double t) {
        return Coefficients.deterministic(t, 1, sigmaMax * t, 0, sigmaMax);
    }

    @Override
    public String name() {
        return "ve";
    }
}
