package io.github.sibench.benchmark;

import ai.djl.ndarray.NDManager;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.ModelEntry;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.metrics.MetricSuite;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.reports.AtomicFiles;
import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a benchmark: for each model x setting x seed, train once; for each of the model's samplers, generate,
 * project to the plane, measure, and add one row to {@code results.csv}. The resolved config is written
 * first as {@code config.json}; {@code results.csv} is rewritten atomically after every model and seed,
 * so an interrupted run keeps what it finished. A model that fails (NaN loss, unsupported sampler,
 * non-finite samples) gets rows with status {@code failed} and a reason, and the run goes on.
 * {@code environment.json} records the run's provenance ({@link Environment}).
 *
 * <p><b>Seeds.</b> Every draw of a row comes from the {@link SeedTree} of the row's seed s, by name, so a
 * row does not depend on the other models, settings or samplers of the run, nor on their order:
 * {@code root(s).child("label-mask")} picks the labelled points of {@code semi}; {@code root(s).child("model")}
 * is the model's seed (its parameter initialisation, batches, training-time t and noise derive from it, see
 * {@link io.github.sibench.models.train.TrainingRun}); {@code root(s).child("classes")} draws the requested
 * classes and {@code root(s).child("generate")} is the generation seed (start noise and sampler noise), the
 * same for every sampler of the row so that samplers are compared on common random numbers. The data's own
 * draws come from {@code dataset.dataSeed} and {@code dataset.embeddingSeed}.
 */
public final class BenchmarkRunner {

    /** Columns every results.csv starts with, in this order; the metric columns follow. */
    public static final List<String> BASE_COLUMNS = List.of("status", "reason", "model", "interpolant", "setting",
            "sampler", "sampler_label", "steps", "nfe", "dataset", "ambient_dim", "n_train", "seed", "train_steps",
            "train_seconds", "steps_per_second", "sample_seconds", "final_loss");

    /** What a finished run produced. */
    public record Outcome(Path directory, Path results, int rows, int failed) {}

    private final RunConfig config;
    private final Progress progress;

    public BenchmarkRunner(RunConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
    }

    public Outcome run() {
        Path dir = Path.of(config.output());
        AtomicFiles.writeString(dir.resolve("config.json"), ConfigLoader.toJson(config));
        Environment environment = Environment.capture(Path.of("").toAbsolutePath());
        AtomicFiles.writeString(dir.resolve("environment.json"), ConfigLoader.toJson(environment));
        progress.message("preparing " + config.dataset().name() + " in dimension " + config.dataset().ambientDim());
        ToyData data = ToyData.prepare(config.dataset());
        MetricSuite metrics = new MetricSuite(data, config.evaluation());
        List<String> columns = new ArrayList<>(BASE_COLUMNS);
        columns.addAll(metrics.columns());
        CsvTable table = new CsvTable(columns);
        Path results = dir.resolve("results.csv");
        int failed = 0;
        for (ModelEntry entry : config.models()) {
            for (Setting setting : config.settings()) {
                for (long seed : config.seeds()) {
                    failed += runModel(entry, setting, seed, data, metrics, table, dir);
                    table.write(results);
                }
            }
        }
        table.write(results);
        AtomicFiles.writeString(dir.resolve("environment.json"), ConfigLoader.toJson(environment.finished()));
        return new Outcome(dir, results, table.size(), failed);
    }

    /** Trains one model in one setting with one seed, samples with each of its samplers; returns the failed rows. */
    private int runModel(ModelEntry entry, Setting setting, long seed, ToyData data, MetricSuite metrics,
            CsvTable table, Path dir) {
        ResolvedModel resolved = ResolvedModel.of(entry);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("model", entry.label());
        common.put("interpolant", resolved.interpolant());
        common.put("setting", setting.id());
        common.put("dataset", config.dataset().name());
        common.put("ambient_dim", config.dataset().ambientDim());
        common.put("n_train", config.dataset().nTrain());
        common.put("seed", seed);
        SeedTree seeds = SeedTree.root(seed);
        TrainingSet train = data.training(setting, config.guidance().labelledFraction(), seeds.child("label-mask"));
        ModelContext context = new ModelContext(train.dim(), train.numClasses(), config.backbone(),
                seeds.child("model").seed(), config.device());
        int[] labels = setting.labelled() ? data.drawClasses(config.evaluation().nSamples(),
                config.guidance().classDraw(), seeds.child("classes")) : null;
        long generation = seeds.child("generate").seed();
        String task = entry.label() + " " + setting.id() + " seed " + seed;
        int failed = 0;
        try (GenerativeModel model = resolved.create(context)) {
            TrainResult trained;
            try (Progress.Task bar = progress.training(task, config.training().steps())) {
                trained = model.train(train, config.training(), bar);
            }
            common.put("train_steps", trained.steps());
            common.put("train_seconds", trained.seconds());
            common.put("steps_per_second", trained.stepsPerSecond());
            common.put("final_loss", trained.finalLoss());
            for (SamplerSpec sampler : entry.samplers()) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                describe(row, sampler);
                try {
                    sample(model, sampler, labels, generation, data, metrics, row, dir);
                    row.put("status", "ok");
                } catch (RuntimeException e) {
                    failed++;
                    fail(row, e);
                    progress.message("FAILED " + task + " " + sampler.label() + ": " + row.get("reason"));
                }
                table.add(row);
            }
        } catch (RuntimeException e) {
            for (SamplerSpec sampler : entry.samplers()) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                describe(row, sampler);
                fail(row, e);
                table.add(row);
                failed++;
            }
            progress.message("FAILED " + task + ": " + reason(e));
        }
        return failed;
    }

    /** A model factory with its config record, resolved once per entry. */
    private record ResolvedModel(ModelFactory<Record> factory, Record config) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        static ResolvedModel of(ModelEntry entry) {
            ModelFactory factory = ModelRegistry.byName(entry.name());
            return new ResolvedModel(factory, ConfigLoader.modelConfig(factory, entry.config()));
        }

        String interpolant() {
            return factory.interpolant(config);
        }

        GenerativeModel create(ModelContext context) {
            return factory.create(config, context);
        }
    }

    /**
     * Generates with one sampler, measures and fills {@code row}.
     *
     * @param labels the class of each point to generate (drawn once per row seed), or null for unconditional
     * @param generation the generation seed, the same for every sampler of the row
     */
    private void sample(GenerativeModel model, SamplerSpec sampler, int[] labels, long generation, ToyData data,
            MetricSuite metrics, Map<String, Object> row, Path dir) {
        int n = config.evaluation().nSamples();
        Guidance guidance = labels == null ? Guidance.NONE : Guidance.of(labels, config.guidance().weight());
        try (NDManager m = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            Samples samples = model.generate(sampler, n, guidance, generation, m);
            ToyData.Projected p = data.project(samples.x());
            row.put("sample_seconds", (System.nanoTime() - start) / 1e9);
            row.put("nfe", samples.nfe());
            for (double v : p.y()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("generated samples are not finite");
                }
            }
            row.putAll(metrics.measure(p, labels));
            if (config.evaluation().writeSamples()) {
                String file = String.format(Locale.ROOT, "%s_%s_%s_seed%d.csv", row.get("model"), row.get("setting"),
                        sampler.label(), row.get("seed"));
                SampleFiles.write(dir.resolve("samples").resolve(file), p, labels, metrics.score(p.y()));
            }
        }
    }

    private static void describe(Map<String, Object> row, SamplerSpec sampler) {
        row.put("sampler", sampler.name());
        row.put("sampler_label", sampler.label());
        if (sampler.fixedSteps()) {
            row.put("steps", sampler.steps());
        }
    }

    private static void fail(Map<String, Object> row, RuntimeException e) {
        row.put("status", "failed");
        row.put("reason", reason(e));
    }

    private static String reason(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
