package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.random.Noise;

/**
 * EDM's stochastic sampler, Algorithm 2 of Karras, Aittala, Aila and Laine, "Elucidating the Design Space
 * of Diffusion-Based Generative Models" (2022), on the {@link KarrasSchedule} {@code sigma_0 .. sigma_N}:
 *
 * <pre>
 *   x_0 = sigma_0 n,  n ~ N(0, I)
 *   for i = 0 .. N-1:
 *     gamma_i = min(S_churn / N, sqrt(2) - 1) if sigma_i in [S_tmin, S_tmax], else 0
 *     sigma^ = (1 + gamma_i) sigma_i
 *     x^ = x_i + sqrt(sigma^^2 - sigma_i^2) eps,  eps ~ N(0, S_noise^2 I)        (skipped when gamma_i = 0)
 *     d = (x^ - D(x^; sigma^)) / sigma^
 *     x_{i+1} = x^ + (sigma_{i+1} - sigma^) d                                     (Euler step)
 *     if sigma_{i+1} != 0:
 *       d' = (x_{i+1} - D(x_{i+1}; sigma_{i+1})) / sigma_{i+1}
 *       x_{i+1} = x^ + (sigma_{i+1} - sigma^) (d + d') / 2                         (2nd-order correction)
 * </pre>
 *
 * <p>N steps cost 2N - 1 NFE. With {@code S_churn = 0} this is Algorithm 1, {@link EdmHeun}.
 *
 * @param schedule the noise levels
 * @param sChurn overall stochasticity S_churn >= 0
 * @param sTmin lower end of the noise range where churn is applied, >= 0
 * @param sTmax upper end, >= sTmin (may be infinite)
 * @param sNoise standard deviation S_noise > 0 of the added noise (slightly above 1 in the paper)
 */
public record EdmStochastic(KarrasSchedule schedule, double sChurn, double sTmin, double sTmax, double sNoise)
        implements DenoiserSampler {

    public EdmStochastic {
        if (schedule == null) {
            throw new IllegalArgumentException("edm-sde: schedule must not be null");
        }
        if (!(sChurn >= 0) || !Double.isFinite(sChurn) || !(sTmin >= 0) || !(sTmax >= sTmin)
                || !(sNoise > 0) || !Double.isFinite(sNoise)) {
            throw new IllegalArgumentException("edm-sde: need S_churn >= 0, 0 <= S_tmin <= S_tmax, S_noise > 0, got "
                    + sChurn + ", " + sTmin + ", " + sTmax + ", " + sNoise);
        }
    }

    /** Churn everywhere ({@code S_tmin = 0, S_tmax = inf, S_noise = 1}) on EDM's default schedule. */
    public EdmStochastic(int steps, double sChurn) {
        this(new KarrasSchedule(steps), sChurn, 0, Double.POSITIVE_INFINITY, 1);
    }

    @Override
    public String name() {
        return "edm-sde";
    }

    @Override
    public Samples sample(Denoiser denoiser, NDArray standardNormal, Noise noise) {
        double[] sigma = schedule.sigmas();
        int n = schedule.steps();
        double gammaMax = Math.min(sChurn / n, Math.sqrt(2) - 1);
        NDArray x = Steps.iterate(standardNormal, n, (i, xi) -> {
            NDArray xCur = i == 0 ? xi.mul(sigma[0]) : xi;
            double gamma = sigma[i] >= sTmin && sigma[i] <= sTmax ? gammaMax : 0;
            double sHat = sigma[i] * (1 + gamma);
            NDArray xHat = gamma == 0 ? xCur
                    : xCur.add(noise.normalLike(xCur)
                            .mul(sNoise * Math.sqrt(sHat * sHat - sigma[i] * sigma[i])));
            double h = sigma[i + 1] - sHat;
            NDArray d = slope(denoiser, xHat, sHat);
            NDArray next = xHat.add(d.mul(h));
            if (sigma[i + 1] == 0) {
                return next;
            }
            NDArray d2 = slope(denoiser, next, sigma[i + 1]);
            return xHat.add(d.add(d2).mul(h / 2));
        });
        return new Samples(x, 2 * n - 1);
    }

    /** The probability-flow ODE's slope in sigma-time, {@code dx/dsigma = (x - D(x; sigma)) / sigma}. */
    private static NDArray slope(Denoiser denoiser, NDArray x, double sigma) {
        return x.sub(denoiser.denoise(x, sigma)).div(sigma);
    }
}
