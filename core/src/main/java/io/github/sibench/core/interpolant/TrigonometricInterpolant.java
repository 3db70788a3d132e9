package io.github.sibench.core.interpolant;

/**
 * Trigonometric interpolant {@code x_t = cos(pi t / 2) x0 + sin(pi t / 2) x1}, variance preserving.
 *
 * <p>Albergo and Vanden-Eijnden, "Building Normalizing Flows with Stochastic Interpolants" (2023),
 * and Albergo, Boffi, Vanden-Eijnden (2023), section 3. alpha = cos(pi t/2), beta = sin(pi t/2),
 * gamma = 0.
 */
public record TrigonometricInterpolant() implements Interpolant {

    @Override
    public Coefficients at(double t) {
        double h = Math.PI / 2;
        return Coefficients.deterministic(
                t, Math.cos(h * t), Math.sin(h * t), -h * Math.sin(h * t), h * Math.cos(h * t));
    }

    @Override
    public String name() {
        return "trigonometric";
    }
}
