package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.train.TrainingSet;
import java.util.List;
import java.util.Map;

/**
 * One dataset's side of a run, as {@link BenchmarkRunner} sees it: what models train on, which classes they
 * are asked for, and how a generated batch is measured and kept. The toy ({@link ToyStage}) and the image
 * stage ({@link ImageStage}) implement it; the runner does the rest (training, sampling, failures, rows).
 */
interface StageData {

    /** The {@code dataset} column, e.g. {@code seed-toy} or {@code cifar-100}. */
    String name();

    /** Shape of one data point ({@code [d]} or {@code [C, H, W]}). */
    List<Integer> shape();

    /** Number of training points. */
    int nTrain();

    /** The metric columns this stage fills, in order. */
    List<String> columns();

    /** The training set of a setting; {@code seeds} draws the labelled subset of {@code semi}. */
    TrainingSet training(Setting setting, SeedTree seeds);

    /** The class of each of {@code n} points to generate, drawn from {@code seeds}. */
    int[] drawClasses(int n, SeedTree seeds);

    /**
     * Measures one generated batch and writes its files.
     *
     * @param samples the batch in the training space
     * @param requested the class each point was generated for, or null
     * @param seed the row's seed (for seeded parts of a metric, e.g. KID subsets)
     * @param stem file name stem of the row, {@code <model>_<setting>_<sampler>_seed<k>}
     * @return the metric columns
     * @throws RuntimeException when the batch cannot be measured (e.g. non-finite values): the row fails
     */
    Map<String, Object> measure(Samples samples, int[] requested, long seed, String stem);
}
