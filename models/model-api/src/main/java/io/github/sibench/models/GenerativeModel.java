package io.github.sibench.models;

import ai.djl.ndarray.NDManager;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingFailedException;
import io.github.sibench.models.train.TrainingListener;
import io.github.sibench.models.train.TrainingSet;

/**
 * A generative model of continuous data as the benchmark sees it: train on a data set, then generate
 * with a named sampler. Implementations own native memory and must be closed.
 */
public interface GenerativeModel extends AutoCloseable {

    /**
     * Trains on {@code data} (points in the model's training space).
     *
     * @throws TrainingFailedException when training cannot continue (e.g. the loss is NaN or infinite)
     */
    TrainResult train(TrainingSet data, TrainingConfig config, TrainingListener listener);

    /**
     * Generates {@code n} points in the training space.
     *
     * @param sampler the sampler and its settings
     * @param guidance unconditional ({@link Guidance#NONE}) or by class with a guidance weight
     * @param seed seed of every random draw of the generation
     * @param manager manager that owns the returned array
     * @throws UnsupportedOperationException if the model cannot run this sampler, or was built without
     *     classes and is asked for classes
     */
    Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager manager);

    /**
     * The network family the model runs, for reports: a backbone's config name ({@code mlp}, {@code unet}),
     * with any qualification (e.g. {@code mlp(H=512)}).
     */
    String network();

    @Override
    void close();
}
