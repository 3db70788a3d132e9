package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;

/**
 * A time-dependent vector field {@code f(t, x)} evaluated on a whole batch: the velocity b(t, x) of a
 * probability-flow ODE, whether it comes from a trained network or a closed form.
 *
 * <p>Contract: {@code x} has shape (n, d); the result is a new array of the same shape. The field must not close or
 * modify {@code x}. One call is one network function evaluation (NFE) per sample.
 */
@FunctionalInterface
public interface VectorField {
    NDArray at(double t, NDArray x);
}
