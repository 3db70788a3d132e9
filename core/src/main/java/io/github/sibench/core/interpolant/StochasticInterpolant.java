package io.github.sibench.core.interpolant;

/**
 * Linear stochastic interpolant {@code x_t = (1 - t) x0 + t x1 + sqrt(a t (1 - t)) z}.
 *
 * <p>Albergo, Boffi and Vanden-Eijnden, "Stochastic interpolants: a unifying framework for flows and
 * diffusions" (2023), with gamma(t) = sqrt(a t (1 - t)). Then
 * {@code gamma' = a (1 - 2t) / (2 gamma)}, infinite at t = 0 and t = 1, while
 * {@code gamma gamma' = a (1 - 2t) / 2} stays finite; training times should avoid the endpoints.
 *
 * @param a strength of the latent term, {@code a > 0}
 */
public record StochasticInterpolant(double a) implements Interpolant {

    public StochasticInterpolant {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("stochastic interpolant: a must be finite and > 0, got " + a);
        }
    }

    @Override
    public Coefficients at(double t) {
        double gamma = Math.sqrt(Math.max(0, a * t * (1 - t)));
        double gg = a * (1 - 2 * t) / 2;
        double gammaDot = gamma > 0 ? gg / gamma : (gg == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, gg));
        // s s' = beta beta' + gamma gamma' = t + a (1 - 2t) / 2
        return new Coefficients(t, 1 - t, t, gamma, -1, 1, gammaDot, t + gg);
    }

    @Override
    public String name() {
        return "si";
    }
}
