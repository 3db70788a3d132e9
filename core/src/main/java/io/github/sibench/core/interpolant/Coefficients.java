package io.github.sibench.core.interpolant;

/**
 * The value of an interpolant's coefficients and their time derivatives at one time t.
 *
 * <p>{@code x_t = alpha x0 + beta x1 + gamma z} (SPEC section 2): data x0 at t = 0, Gaussian noise
 * x1 at t = 1, and an independent Gaussian latent z. The total noise {@code n = beta x1 + gamma z}
 * is Gaussian with standard deviation {@link #noiseStd()} per dimension.
 *
 * @param t time in [0, 1]
 * @param alpha coefficient of the data x0
 * @param beta coefficient of the noise endpoint x1
 * @param gamma coefficient of the latent z
 * @param alphaDot d alpha / dt
 * @param betaDot d beta / dt
 * @param gammaDot d gamma / dt (may be infinite where gamma vanishes like a square root)
 * @param halfNoiseVarianceDot {@code s s' = beta beta' + gamma gamma' = (1/2) d(s^2)/dt}, finite even
 *     where {@code betaDot} or {@code gammaDot} is not
 */
public record Coefficients(
        double t,
        double alpha,
        double beta,
        double gamma,
        double alphaDot,
        double betaDot,
        double gammaDot,
        double halfNoiseVarianceDot) {

    /** Coefficients of an interpolant without latent term (gamma = 0). */
    public static Coefficients deterministic(
            double t, double alpha, double beta, double alphaDot, double betaDot) {
        return new Coefficients(t, alpha, beta, 0, alphaDot, betaDot, 0, beta * betaDot);
    }

    /** Total noise variance {@code s^2 = beta^2 + gamma^2}. */
    public double noiseVariance() {
        return beta * beta + gamma * gamma;
    }

    /** Total noise standard deviation {@code s = sqrt(beta^2 + gamma^2)}. */
    public double noiseStd() {
        return Math.sqrt(noiseVariance());
    }
}
