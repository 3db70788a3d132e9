package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VectorField;

/**
 * An integrator of the probability-flow ODE {@code dX/dt = b(t, X)} (SPEC section 2) on a whole batch.
 *
 * <p>Generation runs from {@code tStart = 1} (noise) to {@code tEnd = 0} (data), so the time step is
 * negative; any direction works. The result is a new array on {@code xStart}'s manager; {@code xStart}
 * itself is never modified or closed, and every intermediate array is closed as the loop runs, so native
 * memory does not grow with the number of steps.
 */
public interface OdeSampler {

    /** Integrates {@code dX/dt = f(t, X)} from {@code (tStart, xStart)} to {@code tEnd}. */
    Samples sample(VectorField f, NDArray xStart, double tStart, double tEnd);

    /** Short stable name used in configs and CSV columns (e.g. {@code heun}). */
    String name();
}
