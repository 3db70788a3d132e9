package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;

/**
 * An EDM denoiser {@code D(x; sigma) ~ E[x0 | x0 + sigma n = x]} on a batch (Karras et al. 2022). Its
 * probability-flow ODE in sigma-time is {@code dx/dsigma = (x - D(x; sigma)) / sigma}, and its score is
 * {@code (D(x; sigma) - x) / sigma^2}. The result is a new array of x's shape; x is neither closed nor modified.
 */
@FunctionalInterface
public interface Denoiser {
    NDArray denoise(NDArray x, double sigma);
}
