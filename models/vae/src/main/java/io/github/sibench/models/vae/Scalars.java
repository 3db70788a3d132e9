package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic of an array with a Java number, safe inside a loss. Never write {@code a.mul(Number)} on
 * arrays in the autograd graph: DJL's PyTorch engine makes the scalar a zero-copy view of a Java direct
 * buffer and closes it right after the op, while autograd keeps it for the backward pass, so the garbage
 * collector can free that memory before {@code backward} reads it (gradients become garbage, the loss
 * NaN, at random steps). Here the scalar is a native 0-d array on {@code a}'s manager.
 */
final class Scalars {

    private Scalars() {}

    /** {@code a * v}. */
    static NDArray times(NDArray a, double v) {
        return a.mul(a.getManager().full(new Shape(), (float) v));
    }

    /** {@code a + v}. */
    static NDArray plus(NDArray a, double v) {
        return a.add(a.getManager().full(new Shape(), (float) v));
    }
}
