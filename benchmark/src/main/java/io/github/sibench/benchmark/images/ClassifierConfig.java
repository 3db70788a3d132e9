package io.github.sibench.benchmark.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Size and training of the {@link FeatureClassifier}, the small CNN whose penultimate features the image
 * metrics are computed in.
 *
 * @param widths conv widths of the stages, one stage per entry; every width a positive multiple of 16
 *     (oneDNN's conv input gradient is wrong for other widths on AVX-512 machines); stage s > 0 starts with a
 *     stride-2 conv, so the last stage sees the image at 1 / 2^(stages - 1) of its side
 * @param featureDim width of the penultimate layer (the feature space of the metrics)
 * @param steps AdamW steps
 * @param batchSize images per step
 * @param learningRate peak learning rate (linear warm-up over the first 5% of steps, then cosine decay to 0)
 * @param weightDecay AdamW's decoupled weight decay
 * @param seed seed of initialisation, batch order and augmentation
 */
public record ClassifierConfig(List<Integer> widths, int featureDim, int steps, int batchSize, double learningRate,
        double weightDecay, long seed) {

    /** The conv width quantum. */
    public static final int CHANNEL_QUANTUM = 16;

    public ClassifierConfig {
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException("classifier.widths must list at least one stage width, e.g. [32, 64, 128]");
        }
        if (widths.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("classifier.widths must not contain null: " + widths);
        }
        widths = List.copyOf(widths);
        for (int w : widths) {
            if (w <= 0 || w % CHANNEL_QUANTUM != 0) {
                throw new IllegalArgumentException("classifier.widths: " + w + " is not a positive multiple of "
                        + CHANNEL_QUANTUM + "; round it to one");
            }
        }
        if (featureDim < 2) {
            throw new IllegalArgumentException("classifier.featureDim must be >= 2, got " + featureDim);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("classifier.steps must be >= 1, got " + steps);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("classifier.batchSize must be >= 2, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("classifier.learningRate must be a positive finite number, got "
                    + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("classifier.weightDecay must be >= 0 and finite, got " + weightDecay);
        }
    }

    /**
     * The default classifier: stages of 32, 64 and 128 channels, 128 features, 4,000 steps of 128 images
     * (about 10 epochs of CIFAR-100) at peak learning rate 3e-3 with weight decay 0.05. Sized to train on
     * 50,000 CIFAR-100 images at 16x16 in about 4 minutes on 2 CPU cores (test accuracy 0.397; 231 s, or
     * 443 s when the shared machine was slow; conditions in the class comment of {@link FeatureClassifier}).
     * Peak rate 5e-3 gave 0.386. At 32x32 a step costs about 4.3x as much: use {@link #withSteps} for a
     * shorter run there.
     */
    public static ClassifierConfig defaults() {
        return new ClassifierConfig(List.of(32, 64, 128), 128, 4000, 128, 3e-3, 5e-2, 0);
    }

    /** The same configuration with another number of steps. */
    public ClassifierConfig withSteps(int steps) {
        return new ClassifierConfig(widths, featureDim, steps, batchSize, learningRate, weightDecay, seed);
    }

    /** The same configuration with another seed. */
    public ClassifierConfig withSeed(long seed) {
        return new ClassifierConfig(widths, featureDim, steps, batchSize, learningRate, weightDecay, seed);
    }

    /** Number of warm-up steps: 5% of the steps, at least 1. */
    public int warmupSteps() {
        return Math.max(1, steps / 20);
    }

    /**
     * Learning rate of step {@code s} (0-based): {@code lr (s + 1) / warmup} during warm-up, then
     * {@code lr (1 + cos(pi p)) / 2} with p the fraction of the remaining steps done (Loshchilov and Hutter,
     * "SGDR", 2017, one cycle).
     */
    public double learningRateAt(int s) {
        int warm = warmupSteps();
        if (s < warm) {
            return learningRate * (s + 1) / warm;
        }
        double p = (double) (s - warm) / Math.max(1, steps - warm);
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, p)));
    }

    /** The fields in declaration order (stable: the cache key hashes its string form). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("widths", widths);
        m.put("featureDim", featureDim);
        m.put("steps", steps);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("weightDecay", weightDecay);
        m.put("seed", seed);
        return m;
    }
}
