package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;

/**
 * What a sampler returns.
 *
 * @param x the generated batch at t = 0 (data side), shape (n, d)
 * @param nfe network (field) evaluations spent per sample
 */
public record Samples(NDArray x, int nfe) {}
