package io.github.sibench.core.interpolant;

/**
 * Linear interpolant {@code x_t = (1 - t) x0 + t x1}: flow matching and rectified flow.
 *
 * <p>Lipman et al., "Flow Matching for Generative Modeling" (2023); Liu et al., "Flow Straight and
 * Fast: Learning to Generate and Transfer Data with Rectified Flow" (2023). alpha = 1 - t, beta = t,
 * gamma = 0; the velocity target is {@code x1 - x0}.
 */
public record LinearInterpolant() implements Interpolant {

    @Override
    public Coefficients at(double t) {
        return Coefficients.deterministic(t, 1 - t, t, -1, 1);
    }

    @Override
    public String name() {
        return "linear";
    }
}
