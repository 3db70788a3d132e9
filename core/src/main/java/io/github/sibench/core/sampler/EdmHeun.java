package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.random.Noise;

/**
 * EDM's deterministic sampler, Algorithm 1 of Karras, Aittala, Aila and Laine, "Elucidating the Design
 * Space of Diffusion-Based Generative Models" (2022): Heun's method on the probability-flow ODE in
 * sigma-time, {@code dx/dsigma = (x - D(x; sigma)) / sigma}, over the {@link KarrasSchedule}:
 *
 * <pre>
 *   x_0 = sigma_0 n,  n ~ N(0, I)
 *   for i = 0 .. N-1:
 *     d = (x_i - D(x_i; sigma_i)) / sigma_i
 *     x_{i+1} = x_i + (sigma_{i+1} - sigma_i) d
 *     if sigma_{i+1} != 0:
 *       d' = (x_{i+1} - D(x_{i+1}; sigma_{i+1})) / sigma_{i+1}
 *       x_{i+1} = x_i + (sigma_{i+1} - sigma_i) (d + d') / 2
 * </pre>
 *
 * <p>N steps cost 2N - 1 NFE (the last step, to sigma = 0, is a plain Euler step). It is
 * {@link EdmStochastic} with {@code S_churn = 0}, which draws no noise.
 *
 * @param schedule the noise levels
 */
public record EdmHeun(KarrasSchedule schedule) implements DenoiserSampler {

    public EdmHeun {
        if (schedule == null) {
            throw new IllegalArgumentException("edm-heun: schedule must not be null");
        }
    }

    /** EDM's default schedule with N steps. */
    public EdmHeun(int steps) {
        this(new KarrasSchedule(steps));
    }

    @Override
    public String name() {
        return "edm-heun";
    }

    @Override
    public Samples sample(Denoiser denoiser, NDArray standardNormal, Noise noise) {
        return new EdmStochastic(schedule, 0, 0, Double.POSITIVE_INFINITY, 1).sample(denoiser, standardNormal, noise);
    }
}
