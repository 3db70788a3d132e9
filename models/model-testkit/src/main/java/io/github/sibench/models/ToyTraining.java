package io.github.sibench.models;

import io.github.sibench.models.guidance.Guidance;
import ai.djl.ndarray.NDManager;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingSet;
import java.util.SplittableRandom;

/**
 * Shared fixture for model tests: a two-blob 2D mixture with exact moments, a tiny backbone and
 * training config, and the Frechet distance of a model's samples to the data's exact moments.
 */
public final class ToyTraining {

    /** Blobs at (+-1.5, 0.5) with standard deviation 0.3: mean (0, 0.5), covariance diag(2.25 + 0.09, 0.09). */
    public static final Gaussian2 EXACT = new Gaussian2(0, 0.5, 2.25 + 0.09, 0, 0.09);

    public static final BackboneConfig TINY = new BackboneConfig(64, 1, 8);

    private ToyTraining() {}

    /** n points of the two-blob mixture from {@code seed}, with labels 0 (left) and 1 (right). */
    public static TrainingSet data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextBoolean() ? 1 : 0;
            x[2 * i] = (float) ((labels[i] == 1 ? 1.5 : -1.5) + 0.3 * rng.nextGaussian());
            x[2 * i + 1] = (float) (0.5 + 0.3 * rng.nextGaussian());
        }
        return new TrainingSet(x, n, 2, labels, 2);
    }

    /** A short AdamW run: steps, batch 256, lr 3e-3, 10% warm-up, EMA 0.99. */
    public static TrainingConfig training(int steps) {
        return new TrainingConfig(steps, 256, 3e-3, 0, steps / 10, 0.99, 0, 0.2);
    }

    /** Squared Frechet distance of n generated points to the exact moments. */
    public static double frechet(GenerativeModel model, SamplerSpec sampler, int n, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Samples s = model.generate(sampler, n, Guidance.NONE, seed, m);
            float[] f = s.x().toFloatArray();
            double[] xy = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                xy[i] = f[i];
            }
            return Gaussian2.fit(xy).frechet(EXACT);
        }
    }
}
