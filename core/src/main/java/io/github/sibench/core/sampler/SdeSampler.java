package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VelocityScoreField;
import io.github.sibench.core.random.Noise;

/**
 * An integrator of the diffusion-augmented sampling SDE of SPEC section 2, which needs the velocity and
 * the score. Same memory contract as {@link OdeSampler}: {@code xStart} is never modified or closed.
 * Every noise draw comes from the {@link Noise} passed in, so a run depends only on its seed.
 */
public interface SdeSampler {

    /** Integrates from {@code (tStart, xStart)} to {@code tEnd} (normally 1 to 0), drawing from {@code noise}. */
    Samples sample(VelocityScoreField f, NDArray xStart, double tStart, double tEnd, Noise noise);

    /** Short stable name used in configs and CSV columns (e.g. {@code em}). */
    String name();
}
