package io.github.sibench.benchmark.config;

/**
 * How generated samples are measured.
 *
 * @param nSamples points generated per model, sampler and seed (e.g. 4,000)
 * @param slicedDirections directions of the sliced Wasserstein distance (evenly spaced angles, no randomness)
 * @param writeSamples whether to write each run's generated points (in the 2D space, with their log-density,
 *     assigned and requested class) to a CSV file
 */
public record EvaluationConfig(int nSamples, int slicedDirections, boolean writeSamples) {

    public EvaluationConfig {
        if (nSamples < 2) {
            throw new IllegalArgumentException("evaluation.nSamples must be >= 2, got " + nSamples);
        }
        if (slicedDirections < 1) {
            throw new IllegalArgumentException("evaluation.slicedDirections must be >= 1, got " + slicedDirections);
        }
    }
}
