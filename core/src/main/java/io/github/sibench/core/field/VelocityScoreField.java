package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;

/**
 * Velocity and score evaluated together on a batch (one NFE per call): what the SDE sampler of SPEC
 * section 3 needs. A model that learns both in one network pass implements this directly.
 */
@FunctionalInterface
public interface VelocityScoreField {
    Drift at(double t, NDArray x);

    /** The velocity part alone, for the probability-flow ODE (each call still costs one NFE). */
    default VectorField velocity() {
        return (t, x) -> {
            Drift d = at(t, x);
            d.score().close();
            return d.velocity();
        };
    }
}
