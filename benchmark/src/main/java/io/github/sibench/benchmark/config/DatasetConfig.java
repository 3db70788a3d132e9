package io.github.sibench.benchmark.config;

/**
 * The data of a run: a 2D toy (SPEC section 4) embedded in an ambient space.
 *
 * @param name 2D toy name, e.g. {@code seed-toy}
 * @param ambientDim ambient dimension d >= 2 (seed: 9408 = 56 * 56 * 3)
 * @param nTrain number of training samples (seed: 1,000)
 * @param embeddingSeed seed of the embedding x = U y + b
 * @param dataSeed seed of the training samples
 */
public record DatasetConfig(String name, int ambientDim, int nTrain, long embeddingSeed, long dataSeed) {

    public DatasetConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset.name is required");
        }
        if (ambientDim < 2) {
            throw new IllegalArgumentException("dataset.ambientDim must be >= 2, got " + ambientDim);
        }
        if (nTrain < 2) {
            throw new IllegalArgumentException("dataset.nTrain must be >= 2, got " + nTrain);
        }
    }
}
