package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.ImageFormat;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.datasets.Toy2DRegistry;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.backbone.BackboneKind;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: resolves a run configuration, runs it and says where the results are. Exit code 0
 * when every row is ok, 1 when some model or sampler failed (the others still ran), 2 for a bad
 * configuration: one line {@code error: ...} naming the field, before anything is trained or written.
 */
@Command(name = "sibench", mixinStandardHelpOptions = true,
        description = "Train, sample and measure generative models on the seed toy, rank them, and with an image "
                + "stage check the ranking on images (results.csv, ranking.csv, consistency.csv, config.json).")
public final class Main implements Callable<Integer> {

    @Option(names = "--profile", description = "Profile: ${COMPLETION-CANDIDATES} (default: quick, or the config file's).",
            completionCandidates = Profiles.class)
    String profile;

    @Option(names = "--config", description = "JSON file merged over the profile.")
    Path configFile;

    @Option(names = "--set", description = "Override, e.g. --set training.steps=500 --set seeds=[0,1,2]")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--output", description = "Output directory (same as --set output=DIR).")
    String output;

    @Option(names = "--list", description = "List profiles, models, samplers and datasets, then exit.")
    boolean list;

    @Option(names = "--dry-run", description = "Resolve and print the configuration, then exit.")
    boolean dryRun;

    static final class Profiles extends ArrayList<String> {
        Profiles() {
            super(ConfigLoader.PROFILES);
        }
    }

    @Override
    public Integer call() {
        if (list) {
            System.out.println("profiles: " + ConfigLoader.PROFILES);
            System.out.println("models (and the samplers each supports with its default settings):");
            for (ModelFactory<?> f : ModelRegistry.all()) {
                System.out.println("  " + f.name() + " " + defaultSamplers(f));
            }
            System.out.println("samplers (options with their defaults):");
            for (SamplerKind k : SamplerKind.values()) {
                System.out.println("  " + k.configName() + " " + SamplerOptions.values(k.defaults()));
            }
            System.out.println("datasets: " + Arrays.stream(Toy2DRegistry.values()).map(Toy2DRegistry::id).toList());
            System.out.println("image formats (images.dataset.format): "
                    + Arrays.stream(ImageFormat.values()).map(ImageFormat::id).toList());
            System.out.println("backbones (backbone.type, images.backbone.type): " + BackboneKind.names());
            return 0;
        }
        List<String> all = new ArrayList<>(overrides);
        if (output != null) {
            all.add("output=" + output);
        }
        RunConfig config;
        try {
            config = ConfigLoader.load(profile, configFile, all);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        if (dryRun) {
            System.out.println(ConfigLoader.toJson(config));
            return 0;
        }
        // config.threads() is applied already: loading started the engine to check the device (Devices)
        long start = System.nanoTime();
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner(config, new ConsoleProgress(System.err)).run();
        System.err.printf("%d rows (%d failed) in %.1f s%n", outcome.rows(), outcome.failed(),
                (System.nanoTime() - start) / 1e9);
        if (outcome.stageError() != null) {
            System.err.println("error: " + outcome.stageError());
        }
        System.out.println("results: " + outcome.results().toAbsolutePath());
        System.out.println("config:  " + outcome.directory().resolve("config.json").toAbsolutePath());
        return outcome.failed() == 0 && outcome.stageError() == null ? 0 : 1;
    }

    private static <C extends Record> List<String> defaultSamplers(ModelFactory<C> f) {
        return f.samplers(f.defaultConfig()).stream().map(SamplerKind::configName).toList();
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        System.exit(code);
    }
}
