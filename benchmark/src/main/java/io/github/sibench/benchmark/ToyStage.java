package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.metrics.MetricSuite;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.train.TrainingSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The toy side of a run: the configured 2D toy in its ambient space ({@link ToyData}); generated points
 * are projected to the plane, measured by {@link MetricSuite} and written to {@code samples/<stem>.csv};
 * the training points and the exact density go to {@code toy/} for plots ({@link SampleFiles#writeToy}).
 */
final class ToyStage implements StageData {

    private final RunConfig config;
    private final DatasetConfig dataset;
    private final ToyData data;
    private final MetricSuite metrics;
    private final Path samplesDir;

    ToyStage(RunConfig config, Path dir) {
        this(config, config.dataset(), dir, true);
    }

    /**
     * The toy of {@code dataset} (the run's, or a variant of it in an ablation grid) with the run's other
     * settings; {@code writeToy}: whether to write its training points and density to {@code toy/}.
     */
    ToyStage(RunConfig config, DatasetConfig dataset, Path dir, boolean writeToy) {
        this.config = config;
        this.dataset = dataset;
        this.data = ToyData.prepare(dataset);
        this.metrics = new MetricSuite(data, config.evaluation());
        this.samplesDir = dir.resolve("samples");
        if (writeToy && config.evaluation().writeSamples()) {
            SampleFiles.writeToy(dir.resolve("toy"), data.prepared());
        }
    }

    @Override
    public String name() {
        return dataset.name();
    }

    @Override
    public List<Integer> shape() {
        return List.of(dataset.ambientDim());
    }

    @Override
    public int nTrain() {
        return dataset.nTrain();
    }

    @Override
    public List<String> columns() {
        return metrics.columns();
    }

    @Override
    public TrainingSet training(Setting setting, SeedTree seeds) {
        return data.training(setting, config.guidance().labelledFraction(), seeds);
    }

    @Override
    public int[] drawClasses(int n, SeedTree seeds) {
        return data.drawClasses(n, config.guidance().classDraw(), seeds);
    }

    @Override
    public Map<String, Object> measure(Samples samples, int[] requested, long seed, String stem) {
        ToyData.Projected p = data.project(samples.x());
        for (double v : p.y()) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("generated samples are not finite");
            }
        }
        Map<String, Object> row = new LinkedHashMap<>(metrics.measure(p, requested,
                SeedTree.root(seed).child("fid-y-bootstrap")));
        if (config.evaluation().writeSamples()) {
            SampleFiles.write(samplesDir.resolve(stem + ".csv"), p, requested, metrics.score(p.y()));
        }
        return row;
    }
}
