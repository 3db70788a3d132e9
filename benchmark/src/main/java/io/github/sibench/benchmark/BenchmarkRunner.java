package io.github.sibench.benchmark;

import ai.djl.ndarray.NDManager;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.ImageStageConfig;
import io.github.sibench.benchmark.config.ModelEntry;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.metrics.ColumnInfo;
import io.github.sibench.benchmark.ranking.Agreement;
import io.github.sibench.benchmark.ranking.Ranking;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.backbone.Backbone;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.reports.AtomicFiles;
import io.github.sibench.reports.CsvTable;
import io.github.sibench.reports.html.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a benchmark: for each model x setting x seed, train once; for each of the model's samplers, generate,
 * project to the plane, measure, and add one row to {@code results.csv}. With two or more seeds the models
 * are ranked by FID-Y ({@code ranking.csv}, {@link Rankings}). With an image stage ({@link ImageStageConfig})
 * the toy's top models (by that ranking) are then trained on images, measured ({@link ImageStage}), ranked
 * by classifier-FD, and the two rankings compared ({@code consistency.csv}); image rows go to the same
 * {@code results.csv}, told apart by the {@code dataset} column. The resolved config is written
 * first as {@code config.json}; {@code results.csv} is rewritten atomically after every model and seed,
 * so an interrupted run keeps what it finished, and each finished cell (model x setting x seed) is kept in
 * {@code cells/}, so that running the same command again skips it ({@link Cells}). A model that fails (NaN
 * loss, unsupported sampler, non-finite samples) gets rows with status {@code failed} and a reason, and
 * the run goes on.
 * {@code agreement.csv} gives Kendall's tau between every two score columns and the training loss over the
 * run's ok rows ({@link Agreement}). At the end {@code report.html} ({@link HtmlReport}) shows it all.
 * {@code environment.json} records the run's provenance ({@link Environment}), {@code columns.json} what each
 * numeric column means ({@link ColumnInfo}), {@code losses/<dataset>_<model>_<setting>_seed<k>.csv} each
 * training run's loss curve ({@link LossCurve}).
 *
 * <p><b>Seeds.</b> Every draw of a row comes from the {@link SeedTree} of the row's seed s, by name, so a
 * row does not depend on the other models, settings or samplers of the run, nor on their order:
 * {@code root(s).child("label-mask")} picks the labelled points of {@code semi}; {@code root(s).child("model")}
 * is the model's seed (its parameter initialisation, batches, training-time t and noise derive from it, see
 * {@link io.github.sibench.models.train.TrainingRun}); {@code root(s).child("classes")} draws the requested
 * classes and {@code root(s).child("generate")} is the generation seed (start noise and sampler noise), the
 * same for every sampler of the row so that samplers are compared on common random numbers. The data's own
 * draws come from {@code dataset.dataSeed} and {@code dataset.embeddingSeed}. Image rows follow the same
 * tree with the image stage's seeds.
 */
public final class BenchmarkRunner {

    /** Columns every results.csv starts with, in this order; the metric columns follow. */
    public static final List<String> BASE_COLUMNS = List.of("status", "reason", "model", "interpolant", "setting",
            "sampler", "sampler_label", "steps", "nfe", "dataset", "ambient_dim", "n_train", "seed", "train_steps",
            "train_seconds", "steps_per_second", "sample_seconds", "final_loss", "network");

    /** What a finished run produced. */
    /**
     * What a finished run produced.
     *
     * @param failed rows with status {@code failed}
     * @param stageError why the image stage could not run (e.g. its data is missing), or null
     */
    public record Outcome(Path directory, Path results, int rows, int failed, String stageError) {}

    /** Bootstrap resamples of every ranking and of the agreement probability. */
    public static final int RESAMPLES = 2000;

    /**
     * One stage's plan: its data, the network and training of every model, how many points each sampler
     * generates, and the seeds and settings it runs.
     */
    /**
     * One stage of a run: its data, the settings its models train and sample with, and {@code measurement},
     * the configuration of its data and metrics (part of every cell's key, {@link Cells}).
     */
    record Stage(StageData data, Backbone backbone, TrainingConfig training, int nSamples, List<Long> seeds,
            List<Setting> settings, boolean primarySamplerOnly, Map<String, Object> measurement) {}

    private final RunConfig config;
    private final Progress progress;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private CsvTable table;

    private final Shard shard;

    public BenchmarkRunner(RunConfig config, Progress progress) {
        this(config, progress, null);
    }

    /** A runner of one shard of the toy grid ({@link Shard}), or of the whole run when {@code shard} is null. */
    public BenchmarkRunner(RunConfig config, Progress progress, Shard shard) {
        this.config = config;
        this.progress = progress;
        this.shard = shard;
    }

    public Outcome run() {
        Path dir = Path.of(config.output());
        AtomicFiles.writeString(dir.resolve("config.json"), ConfigLoader.toJson(config));
        Environment environment = Environment.capture(Path.of("").toAbsolutePath());
        AtomicFiles.writeString(dir.resolve("environment.json"), ConfigLoader.toJson(environment));
        progress.message("preparing " + config.dataset().name() + " in dimension " + config.dataset().ambientDim());
        ToyStage toy = new ToyStage(config, dir);
        List<String> columns = new ArrayList<>(BASE_COLUMNS);
        columns.addAll(toy.columns());
        if (config.images() != null) {
            columns.addAll(ImageStage.columns(config.images()));
        }
        table = new CsvTable(columns);
        AtomicFiles.writeString(dir.resolve("columns.json"), ConfigLoader.toJson(ColumnInfo.of(columns)));
        Path results = dir.resolve("results.csv");
        Map<String, Object> toyMeasurement = new LinkedHashMap<>();
        toyMeasurement.put("dataset", config.dataset());
        toyMeasurement.put("evaluation", config.evaluation());
        Stage toyStage = new Stage(toy, config.backbone(), config.training(), config.evaluation().nSamples(),
                config.seeds(), config.settings(), false, toyMeasurement);
        runStage(toyStage, config.models(), results);
        if (shard != null) {
            table.write(results);
            AtomicFiles.writeString(dir.resolve("shard.json"), ConfigLoader.toJson(shard));
            AtomicFiles.writeString(dir.resolve("environment.json"), ConfigLoader.toJson(environment.finished()));
            progress.message("shard " + shard.index() + " of " + shard.count() + " done; combine the shards with:"
                    + " sibench merge OUT SHARD_DIR...");
            return new Outcome(dir, results, table.size(), failedRows(), null);
        }
        Rankings rankings = new Rankings(progress);
        if (config.seeds().size() >= 2) {
            for (Setting setting : config.settings()) {
                rankings.rank(rows, toy.name(), setting, "fid_y", config.models(), config.seeds());
            }
            rankings.write(dir);
        } else {
            progress.message("no ranking: it needs at least 2 seeds (set seeds=[0,1,2])");
        }
        String stageError = null;
        if (config.images() != null) {
            try {
                runImages(rankings, toy, dir, results);
            } catch (RuntimeException e) {
                stageError = "image stage: " + reason(e);
                progress.message("FAILED " + stageError);
            }
            rankings.write(dir);
        }
        table.write(results);
        List<String> metrics = new ArrayList<>(columns.subList(columns.indexOf("train_seconds"), columns.size()));
        metrics.remove("network");
        Summaries.table(rows, metrics).write(dir.resolve("summary.csv"));
        List<Map<String, Object>> ok = rows.stream().filter(r -> "ok".equals(r.get("status"))).toList();
        if (ok.size() >= Agreement.MIN_ROWS) {
            Agreement.write(Agreement.matrix(ok, columns), dir.resolve("agreement.csv"));
        }
        AtomicFiles.writeString(dir.resolve("environment.json"), ConfigLoader.toJson(environment.finished()));
        try {
            HtmlReport.write(dir);
        } catch (RuntimeException e) {
            // the results are written; a report that fails must not hide them
            progress.message("report.html not written: " + reason(e) + " (rebuild it with: sibench report " + dir + ")");
        }
        return new Outcome(dir, results, table.size(), failedRows(), stageError);
    }

    private int failedRows() {
        return (int) rows.stream().filter(r -> "failed".equals(r.get("status"))).count();
    }

    /** The image stage: the toy's top models trained on images, ranked, and compared with the toy ranking. */
    private void runImages(Rankings rankings, ToyStage toy, Path dir, Path results) {
        ImageStageConfig images = config.images();
        List<ModelEntry> selected = select(rankings, toy.name(), images);
        try (ImageStage image = ImageStage.prepare(config, dir, progress)) {
            Map<String, Object> measurement = new LinkedHashMap<>();
            measurement.put("dataset", images.dataset());
            measurement.put("classifier", images.classifier());
            measurement.put("inception", images.inception());
            measurement.put("gridImages", images.gridImages());
            measurement.put("writeImages", images.writeImages());
            Stage imageStage = new Stage(image, images.backbone(), images.training(), images.nSamples(),
                    images.seeds(), images.settings(), true, measurement);
            runStage(imageStage, selected, results);
            for (Setting setting : images.settings()) {
                rankings.rank(rows, image.name(), setting, ImageStage.PRIMARY_METRIC, selected, images.seeds());
                rankings.compare(toy.name(), image.name(), setting);
            }
        }
    }

    /**
     * The models of the image stage: every model when {@code top} is 0, else the first {@code top} of the toy
     * ranking in the image stage's first setting (ties broken by mean, then name: {@link Ranking#top}).
     */
    private List<ModelEntry> select(Rankings rankings, String toyName, ImageStageConfig images) {
        if (images.top() == 0) {
            return config.models();
        }
        Ranking toy = rankings.get(toyName, images.settings().get(0));
        if (toy == null) {
            throw new IllegalStateException("no toy ranking in setting " + images.settings().get(0).id()
                    + ": every model failed on the toy");
        }
        List<String> top = toy.top(images.top()).stream().map(Ranking.Entry::model).toList();
        progress.message("toy top " + images.top() + " by fid_y (" + images.settings().get(0).id() + "): " + top);
        return top.stream().map(name -> config.models().stream().filter(m -> m.label().equals(name)).findFirst()
                .orElseThrow()).toList();
    }

    /**
     * Runs every model x setting x seed of a stage, skipping cells finished by an earlier run of the same
     * configuration into the same folder ({@link Cells}): their rows are taken from the cell files.
     */
    private void runStage(Stage stage, List<ModelEntry> models, Path results) {
        Cells cells = new Cells(results.getParent());
        int cellNumber = 0;
        for (ModelEntry entry : models) {
            for (Setting setting : stage.settings()) {
                for (long seed : stage.seeds()) {
                    if (shard != null && !shard.owns(cellNumber++)) {
                        continue;
                    }
                    Path cell = cells.file(entry.label(), setting.id(), seed, describe(stage, entry, setting, seed));
                    List<Map<String, Object>> done = cells.read(cell);
                    if (done != null) {
                        done.forEach(this::add);
                        progress.message("finished earlier: " + entry.label() + " " + setting.id() + " seed " + seed
                                + " on " + stage.data().name());
                    } else {
                        int before = rows.size();
                        runModel(stage, entry, setting, seed);
                        List<Map<String, Object>> added = rows.subList(before, rows.size());
                        if (added.stream().allMatch(r -> "ok".equals(r.get("status")))) {
                            cells.write(cell, added);
                        }
                    }
                    table.write(results);
                }
            }
        }
    }

    /** Everything that can change the rows of one cell: its key's content. */
    private Map<String, Object> describe(Stage stage, ModelEntry entry, Setting setting, long seed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("measurement", stage.measurement());
        d.put("backbone", stage.backbone());
        d.put("training", stage.training());
        d.put("nSamples", stage.nSamples());
        d.put("model", entry.name());
        d.put("label", entry.label());
        d.put("config", entry.config());
        d.put("samplers", samplers(stage, entry));
        d.put("setting", setting);
        d.put("seed", seed);
        d.put("guidance", config.guidance());
        d.put("device", config.device());
        return d;
    }

    private static List<SamplerSpec> samplers(Stage stage, ModelEntry entry) {
        return stage.primarySamplerOnly() ? entry.samplers().subList(0, 1) : entry.samplers();
    }

    /** Trains one model in one setting with one seed and samples with each of its samplers (the image stage: its first). */
    private void runModel(Stage stage, ModelEntry entry, Setting setting, long seed) {
        StageData data = stage.data();
        List<SamplerSpec> samplers = samplers(stage, entry);
        ResolvedModel resolved = ResolvedModel.of(entry);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("model", entry.label());
        common.put("interpolant", resolved.interpolant());
        common.put("setting", setting.id());
        common.put("dataset", data.name());
        common.put("ambient_dim", Backbone.size(data.shape()));
        common.put("n_train", data.nTrain());
        common.put("seed", seed);
        SeedTree seeds = SeedTree.root(seed);
        TrainingSet train = data.training(setting, seeds.child("label-mask"));
        ModelContext context = new ModelContext(data.shape(), train.numClasses(), stage.backbone(),
                seeds.child("model").seed(), config.device());
        int[] labels = setting.labelled() ? data.drawClasses(stage.nSamples(), seeds.child("classes")) : null;
        long generation = seeds.child("generate").seed();
        String task = entry.label() + " " + setting.id() + " seed " + seed + " on " + data.name();
        try (GenerativeModel model = resolved.create(context)) {
            common.put("network", model.network());
            TrainResult trained;
            LossCurve curve = new LossCurve(stage.training().steps());
            try (Progress.Task bar = progress.training(task, stage.training().steps())) {
                trained = model.train(train, stage.training(), (done, total, loss, lr) -> {
                    bar.onStep(done, total, loss, lr);
                    curve.onStep(done, total, loss, lr);
                });
            } finally {
                curve.write(Path.of(config.output()).resolve("losses").resolve(String.format(Locale.ROOT,
                        "%s_%s_%s_seed%d.csv", data.name(), entry.label(), setting.id(), seed)));
            }
            common.put("train_steps", trained.steps());
            common.put("train_seconds", trained.seconds());
            common.put("steps_per_second", trained.stepsPerSecond());
            common.put("final_loss", trained.finalLoss());
            for (SamplerSpec sampler : samplers) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                describe(row, sampler);
                try {
                    sample(model, sampler, labels, generation, stage, row, seed);
                    row.put("status", "ok");
                } catch (RuntimeException e) {
                    fail(row, e);
                    progress.message("FAILED " + task + " " + sampler.label() + ": " + row.get("reason"));
                }
                add(row);
            }
        } catch (RuntimeException e) {
            for (SamplerSpec sampler : samplers) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                describe(row, sampler);
                fail(row, e);
                add(row);
            }
            progress.message("FAILED " + task + ": " + reason(e));
        }
    }

    private void add(Map<String, Object> row) {
        rows.add(row);
        table.add(row);
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
    private void sample(GenerativeModel model, SamplerSpec sampler, int[] labels, long generation, Stage stage,
            Map<String, Object> row, long seed) {
        Guidance guidance = labels == null ? Guidance.NONE : Guidance.of(labels, config.guidance().weight());
        try (NDManager m = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            Samples samples = model.generate(sampler, stage.nSamples(), guidance, generation, m);
            row.put("sample_seconds", (System.nanoTime() - start) / 1e9);
            row.put("nfe", samples.nfe());
            String stem = String.format(Locale.ROOT, "%s_%s_%s_seed%d", row.get("model"), row.get("setting"),
                    sampler.label(), seed);
            row.putAll(stage.data().measure(samples, labels, seed, stem));
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
