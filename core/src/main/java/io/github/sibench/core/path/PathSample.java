package io.github.sibench.core.path;

import ai.djl.ndarray.NDArray;

/**
 * One batch drawn on an interpolant's path, with the regression targets of SPEC section 3.
 *
 * @param t the times, shape (n, 1)
 * @param xt {@code x_t = alpha x0 + beta x1 + gamma z}, shape (n, d)
 * @param velocity velocity target {@code alpha' x0 + beta' x1 + gamma' z}, shape (n, d); its
 *     conditional mean given x_t is the velocity field b(t, x)
 * @param noise normalised noise target {@code (beta x1 + gamma z) / s}, {@code s^2 = beta^2 + gamma^2},
 *     shape (n, d); its conditional mean eps(t, x) gives the score {@code -eps / s} (for VP diffusion
 *     this is DDPM's epsilon; where s = 0 it is x1)
 */
public record PathSample(NDArray t, NDArray xt, NDArray velocity, NDArray noise) {}
