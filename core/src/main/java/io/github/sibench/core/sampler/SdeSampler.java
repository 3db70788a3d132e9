package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VelocityScoreField;

/**
 * An integrator of the diffusion-augmented sampling SDE of SPEC section 2, which needs the velocity and
 * the score. Same memory contract as {@link OdeSampler}: {@code xStart} is never modified or closed.
 * Noise comes from the batch's manager, so runs are reproducible after
 * {@code Engine.getInstance().setRandomSeed(seed)}.
 */
public interface SdeSampler {

    /** Integrates from {@code (tStart, xStart)} to {@code tEnd} (normally 1 to 0). */
    Samples sample(VelocityScoreField f, NDArray xStart, double tStart, double tEnd);

    /** Short stable name used in configs and CSV columns (e.g. {@code em}). */
    String name();
}
