package io.github.sibench.models.sampling;

import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.field.VelocityScoreField;

/**
 * The fields a trained model offers to the samplers, in its training space. Which ones are present
 * decides which samplers it supports: a velocity for the ODE samplers, velocity and score for the SDE,
 * an EDM denoiser for EDM's samplers.
 *
 * @param velocity b(t, x), or null
 * @param velocityScore velocity and score together, or null
 * @param denoiser EDM's D(x; sigma), or null
 * @param noiseScale standard deviation of the start distribution at t = 1 (1 except for VE)
 * @param tEnd time at which ODE and SDE integration stop (0, or a small positive time where fields are
 *     singular at 0)
 */
public record ModelFields(
        VectorField velocity,
        VelocityScoreField velocityScore,
        Denoiser denoiser,
        double noiseScale,
        double tEnd) {

    /** Velocity only (flow matching). */
    public static ModelFields ofVelocity(VectorField velocity) {
        return new ModelFields(velocity, null, null, 1.0, 0.0);
    }
}
