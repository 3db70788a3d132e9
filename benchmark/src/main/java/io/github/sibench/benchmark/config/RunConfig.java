package io.github.sibench.benchmark.config;

import io.github.sibench.models.backbone.Backbone;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.train.TrainingConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A whole benchmark run, as resolved from a profile, a user's JSON file and command-line overrides; it
 * is written back as {@code config.json} next to the results.
 *
 * @param profile name of the profile it started from
 * @param output directory of the results
 * @param device DJL device, e.g. {@code cpu}; {@link ConfigLoader} checks that the engine has it
 *     ({@link Devices})
 * @param threads PyTorch intra-op threads in [0, {@value #MAX_THREADS}], 0 for the engine's default (one
 *     per core); small networks run faster on 1 thread, where per-op synchronisation costs more than it
 *     saves
 * @param samplingThreads PyTorch intra-op threads while a model generates its samples, in [0, {@value
 *     #MAX_THREADS}], 0 for the same as {@code threads}: one network evaluation on thousands of points has
 *     enough work per op to gain from threads that a small network's training step loses (quick size on 2
 *     cores: 1.8x faster evaluations on 2 threads, a slower training step)
 * @param seeds one training-and-sampling run per seed and model
 * @param dataset the data
 * @param backbone the network size shared by all models
 * @param training optimisation settings shared by all models
 * @param evaluation how samples are measured
 * @param settings label settings to run every model in ({@code unsup}, {@code cfg}, {@code semi})
 * @param guidance guidance weight and labelled fraction of the labelled settings
 * @param models the models and their samplers
 * @param images the image stage (the toy's top models trained on images and ranked again), or null for a
 *     toy-only run
 * @param grids named ablation grids of the toy stage ({@link GridConfig}), run after the run's own rows;
 *     null or empty for none
 *
 * <p>Besides each field's own range, the sizes must fit: every array a run allocates (training set,
 * generated batch, network activations and weights) must have fewer than 2^31 elements, the most a Java
 * array or a DJL buffer holds, so a typo in a size is refused here rather than failing every row later.
 */
public record RunConfig(
        String profile,
        String output,
        String device,
        int threads,
        int samplingThreads,
        List<Long> seeds,
        DatasetConfig dataset,
        Backbone backbone,
        TrainingConfig training,
        EvaluationConfig evaluation,
        List<Setting> settings,
        GuidanceConfig guidance,
        List<ModelEntry> models,
        ImageStageConfig images,
        List<GridConfig> grids) {

    /** Most PyTorch threads accepted (a guard against typos). */
    public static final int MAX_THREADS = 1024;

    /** Most SwiGLU blocks accepted (a guard against typos: the seed uses 1-2). */
    public static final int MAX_BLOCKS = 1024;

    /** Most directions of the sliced Wasserstein distance accepted (a guard against typos; the seed: 256). */
    public static final int MAX_SLICED_DIRECTIONS = 1 << 16;

    public RunConfig {
        require(output != null && !output.isBlank(), "output is required");
        try {
            Path.of(output);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("output: '" + output + "' is not a valid path here (" + e.getReason() + ")");
        }
        require(device != null && !device.isBlank(), "device is required, e.g. cpu");
        require(threads >= 0 && threads <= MAX_THREADS,
                "threads must be in [0, " + MAX_THREADS + "] (0: the engine's default), got " + threads);
        require(samplingThreads >= 0 && samplingThreads <= MAX_THREADS, "samplingThreads must be in [0, "
                + MAX_THREADS + "] (0: the same as threads), got " + samplingThreads);
        require(seeds != null && !seeds.isEmpty(), "seeds must list at least one seed");
        require(seeds.stream().noneMatch(Objects::isNull), "seeds must not contain null: " + seeds);
        require(seeds.stream().distinct().count() == seeds.size(), "seeds must be distinct: " + seeds);
        require(dataset != null, "dataset is required");
        require(backbone != null, "backbone is required");
        require(training != null, "training is required");
        require(evaluation != null, "evaluation is required");
        require(settings != null && !settings.isEmpty() && settings.stream().noneMatch(Objects::isNull),
                "settings must list at least one of unsup, cfg, semi");
        require(settings.stream().distinct().count() == settings.size(), "settings must be distinct: " + settings);
        require(guidance != null, "guidance is required");
        require(models != null && !models.isEmpty(), "models must list at least one model");
        for (int i = 0; i < models.size(); i++) {
            require(models.get(i) != null, "models[" + i + "] is null; give {\"name\": ..., \"samplers\": [...]}");
        }
        require(models.stream().map(ModelEntry::label).distinct().count() == models.size(),
                "models must have distinct labels (set models[].label): "
                        + models.stream().map(ModelEntry::label).toList());
        require(backbone instanceof BackboneConfig, "backbone: the toy's points need the mlp backbone, got "
                + backbone.kind().configName() + "; the unet backbone is for images (images.backbone)");
        BackboneConfig mlp = (BackboneConfig) backbone;
        require(mlp.blocks() <= MAX_BLOCKS, "backbone.blocks must be at most " + MAX_BLOCKS + ", got "
                + mlp.blocks());
        require(evaluation.slicedDirections() <= MAX_SLICED_DIRECTIONS, "evaluation.slicedDirections must be at most "
                + MAX_SLICED_DIRECTIONS + ", got " + evaluation.slicedDirections());
        int d = dataset.ambientDim();
        int h = mlp.hidden();
        fits("dataset.nTrain x dataset.ambientDim", dataset.nTrain(), d);
        fits("evaluation.nSamples x dataset.ambientDim", evaluation.nSamples(), d);
        fits("training.batchSize x dataset.ambientDim", training.batchSize(), d);
        fits("training.batchSize x 4 backbone.hidden", training.batchSize(), 4.0 * h);
        fits("evaluation.nSamples x 4 backbone.hidden", evaluation.nSamples(), 4.0 * h);
        fits("backbone.hidden x 4 backbone.hidden", h, 4.0 * h);
        fits("backbone.hidden x 2 dataset.ambientDim", h, 2.0 * d);
        fits("backbone.hidden x 2 backbone.timeFeatures", h, 2.0 * mlp.timeFeatures());
        if (images != null) {
            require(seeds.size() >= 2, "seeds: the image stage compares rankings, which needs at least 2 toy seeds, got "
                    + seeds);
            require(images.seeds().size() >= 2, "images.seeds: ranking on images needs at least 2 seeds, got "
                    + images.seeds());
            for (Setting s : images.settings()) {
                require(settings.contains(s), "images.settings: " + s.id() + " is not among the toy's settings "
                        + settings.stream().map(Setting::id).toList() + ", so there is no toy ranking to compare with");
            }
            require(images.top() <= models.size(), "images.top is " + images.top() + " but the run has only "
                    + models.size() + " models; use 0 for every model");
            require(images.top() != 1, "images.top must be 0 or at least 2: one model has no ranking to compare");
        }
        grids = grids == null ? List.of() : List.copyOf(grids);
        checkGrids(grids, models, settings, dataset.ambientDim());
        seeds = List.copyOf(seeds);
        settings = List.copyOf(settings);
        models = List.copyOf(models);
    }

    /**
     * Grids must have distinct names, name models and settings of the run, and have something to run: a model
     * they name must have a sampler with the parameter, and an unnamed set of models must contain one.
     */
    private static void checkGrids(List<GridConfig> grids, List<ModelEntry> models, List<Setting> settings, int dim) {
        List<String> labels = models.stream().map(ModelEntry::label).toList();
        for (int i = 0; i < grids.size(); i++) {
            GridConfig g = grids.get(i);
            require(g != null, "grids[" + i + "] is null; give {\"name\": ..., \"vary\": ..., \"values\": [...]}");
            String where = "grids[" + g.name() + "]";
            require(grids.stream().filter(o -> o != null && o.name().equals(g.name())).count() == 1,
                    "grids must have distinct names: " + g.name() + " appears twice");
            for (String m : g.models()) {
                require(labels.contains(m), where + ".models: no model labelled '" + m + "' in the run; models: " + labels);
                ModelEntry entry = models.get(labels.indexOf(m));
                require(!g.vary().samplers(entry.samplers(), g.values().get(0)).isEmpty(), where + ".models: model " + m
                        + " has no sampler with " + g.vary().configName() + " (" + entry.samplers().stream()
                        .map(s -> s.label()).toList() + "); add one or drop the model from the grid");
            }
            for (Setting s : g.settings()) {
                require(settings.contains(s), where + ".settings: " + s.id() + " is not among the run's settings "
                        + settings.stream().map(Setting::id).toList());
            }
            require(settings.stream().anyMatch(g::runsIn), where + ": none of the run's settings "
                    + settings.stream().map(Setting::id).toList() + " fits a " + g.vary().configName() + " grid"
                    + (g.vary() == GridParameter.GUIDANCE_WEIGHT ? "; add cfg or semi to settings" : ""));
            require(models.stream().anyMatch(m -> g.runs(m.label())
                    && !g.vary().samplers(m.samplers(), g.values().get(0)).isEmpty()), where + ": no model of the run has "
                    + "a sampler with " + g.vary().configName());
            if (g.vary() == GridParameter.N_TRAIN) {
                for (double n : g.values()) {
                    fits(where + " nTrain x dataset.ambientDim", n, dim);
                }
            }
        }
    }

    /** Refuses a size product that no single array can hold (2^31 - 1 elements). */
    private static void fits(String what, double a, double b) {
        require(a * b <= Integer.MAX_VALUE, what + " = " + (long) a + " x " + (long) b + " is more than the 2^31 - 1 "
                + "elements one array holds; make them smaller");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
