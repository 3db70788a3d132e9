package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;

/**
 * The two fields a stochastic sampler needs at one (t, x) batch.
 *
 * @param velocity b(t, x), shape (n, d)
 * @param score grad log rho_t(x), shape (n, d)
 */
public record Drift(NDArray velocity, NDArray score) {}
