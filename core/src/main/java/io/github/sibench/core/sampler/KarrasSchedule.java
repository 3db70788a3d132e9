package io.github.sibench.core.sampler;

/**
 * The noise levels of Karras et al. 2022 (EDM), eq. 5:
 *
 * <pre>
 *   sigma_i = (smax^(1/rho) + i / (N - 1) (smin^(1/rho) - smax^(1/rho)))^rho,  i = 0..N-1,   sigma_N = 0
 * </pre>
 *
 * so {@code sigma_0 = smax > sigma_1 > ... > sigma_{N-1} = smin > sigma_N = 0}; rho = 7 concentrates the
 * steps at low noise. With N = 1 the only level is smax.
 *
 * @param steps N >= 1
 * @param sigmaMin smin > 0 (EDM: 0.002)
 * @param sigmaMax smax > smin (EDM: 80)
 * @param rho rho > 0 (EDM: 7)
 */
public record KarrasSchedule(int steps, double sigmaMin, double sigmaMax, double rho) {

    public KarrasSchedule {
        Steps.positiveSteps("karras schedule", steps);
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax) || !(rho > 0)
                || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("karras schedule: need 0 < sigmaMin < sigmaMax < inf and rho > 0, got "
                    + sigmaMin + ", " + sigmaMax + ", " + rho);
        }
    }

    /** EDM's defaults: smin = 0.002, smax = 80, rho = 7. */
    public KarrasSchedule(int steps) {
        this(steps, 0.002, 80, 7);
    }

    /** {@code sigma_0 .. sigma_N}, length N + 1, decreasing, last entry exactly 0. */
    public double[] sigmas() {
        double[] s = new double[steps + 1];
        double hi = Math.pow(sigmaMax, 1 / rho);
        double lo = Math.pow(sigmaMin, 1 / rho);
        for (int i = 0; i < steps; i++) {
            s[i] = i == 0 ? sigmaMax
                    : i == steps - 1 ? sigmaMin
                    : Math.pow(hi + (double) i / (steps - 1) * (lo - hi), rho);
        }
        s[steps] = 0;
        return s;
    }
}
