package io.github.sibench.core.interpolant;

/**
 * A stochastic interpolant {@code x_t = alpha(t) x0 + beta(t) x1 + gamma(t) z} between data x0 (t = 0)
 * and Gaussian noise x1 (t = 1), with an optional independent Gaussian latent z.
 *
 * <p>Albergo, Boffi and Vanden-Eijnden, "Stochastic interpolants: a unifying framework for flows and
 * diffusions" (2023). Every model family of the suite is a choice of these coefficients (SPEC
 * section 3). Implementations are small immutable value types; {@link #at(double)} gives all the
 * coefficients and their time derivatives at once.
 *
 * <p>Boundary conditions: {@code alpha(0) = 1, beta(0) = 0, gamma(0) = gamma(1) = 0} always;
 * {@code alpha(1) = 0, beta(1) = 1} for every variance-bounded interpolant. The VE / EDM
 * parametrisation ({@link VeInterpolant}) is the one exception: its noise endpoint is
 * {@code x0 + sigma_max x1}, see {@link #noiseScaleAtOne()}.
 */
public interface Interpolant {

    /** All coefficients and their time derivatives at t in [0, 1]. */
    Coefficients at(double t);

    /** Short stable name used in configs and CSV columns (e.g. {@code linear}). */
    String name();

    /**
     * Standard deviation of x_1 around {@code alpha(1) x0}, i.e. {@code sqrt(beta(1)^2 + gamma(1)^2)}:
     * 1 for variance-preserving interpolants, sigma_max for VE. Generation starts from
     * {@code noiseScaleAtOne() * N(0, I)} (plus {@code alpha(1) x0} which is 0 here except for VE,
     * where it is neglected as EDM does).
     */
    default double noiseScaleAtOne() {
        return at(1.0).noiseStd();
    }
}
