package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;

/**
 * The clamp applied to every Gaussian log-variance of the VAE (encoders, p(z1 | z2), decoder, MoG prior):
 * {@code clamp(s) = min(max(s, min), max)}, by default [-10, 10] ({@link VaeConfig#logVarMin()},
 * {@link VaeConfig#logVarMax()}). Without it a log-variance can run off to where {@code exp(-s)} overflows
 * or a density collapses onto a point; the seed needed it (SPEC section 3). Gradients are zero outside the
 * range.
 *
 * @param min lower bound
 * @param max upper bound, {@code > min}
 */
record LogVarClamp(double min, double max) {

    /** The clamp of {@code config}. */
    static LogVarClamp of(VaeConfig config) {
        return new LogVarClamp(config.logVarMin(), config.logVarMax());
    }

    /** The log-variances clamped elementwise. */
    NDArray apply(NDArray logVar) {
        return logVar.clip(min, max);
    }

    /** One log-variance clamped. */
    double apply(double logVar) {
        return Math.max(min, Math.min(max, logVar));
    }
}
