package io.github.sibench.benchmark.config;

import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.train.TrainingConfig;
import java.util.List;

/**
 * A whole benchmark run, as resolved from a profile, a user's JSON file and command-line overrides; it
 * is written back as {@code config.json} next to the results.
 *
 * @param profile name of the profile it started from
 * @param output directory of the results
 * @param device DJL device, e.g. {@code cpu}
 * @param threads PyTorch intra-op threads, 0 for the engine's default (one per core); small networks run
 *     faster on 1 thread, where per-op synchronisation costs more than it saves
 * @param seeds one training-and-sampling run per seed and model
 * @param dataset the data
 * @param backbone the network size shared by all models
 * @param training optimisation settings shared by all models
 * @param evaluation how samples are measured
 * @param settings label settings to run every model in ({@code unsup}, {@code cfg}, {@code semi})
 * @param guidance guidance weight and labelled fraction of the labelled settings
 * @param models the models and their samplers
 */
public record RunConfig(
        String profile,
        String output,
        String device,
        int threads,
        List<Long> seeds,
        DatasetConfig dataset,
        BackboneConfig backbone,
        TrainingConfig training,
        EvaluationConfig evaluation,
        List<Setting> settings,
        GuidanceConfig guidance,
        List<ModelEntry> models) {

    public RunConfig {
        require(output != null && !output.isBlank(), "output is required");
        require(device != null && !device.isBlank(), "device is required");
        require(threads >= 0, "threads must be >= 0 (0: the engine's default), got " + threads);
        require(seeds != null && !seeds.isEmpty(), "seeds must list at least one seed");
        require(dataset != null, "dataset is required");
        require(backbone != null, "backbone is required");
        require(training != null, "training is required");
        require(evaluation != null, "evaluation is required");
        require(settings != null && !settings.isEmpty() && settings.stream().noneMatch(java.util.Objects::isNull),
                "settings must list at least one of unsup, cfg, semi");
        require(settings.stream().distinct().count() == settings.size(), "settings must be distinct: " + settings);
        require(guidance != null, "guidance is required");
        require(models != null && !models.isEmpty(), "models must list at least one model");
        require(models.stream().map(ModelEntry::label).distinct().count() == models.size(),
                "models must have distinct labels (set models[].label): "
                        + models.stream().map(ModelEntry::label).toList());
        require(seeds.stream().distinct().count() == seeds.size(), "seeds must be distinct: " + seeds);
        seeds = List.copyOf(seeds);
        settings = List.copyOf(settings);
        models = List.copyOf(models);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
