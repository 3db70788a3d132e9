package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A source of N(0, I) draws. The VAE's parts never draw by themselves: {@link HierarchicalVae} hands them
 * its training or generation source, so every standard normal draw of the model comes from one of its two
 * noise methods.
 */
@FunctionalInterface
interface StandardNormal {

    /** (rows, cols) independent N(0, 1) values, float32, on {@code m}. */
    NDArray draw(NDManager m, int rows, int cols);
}
