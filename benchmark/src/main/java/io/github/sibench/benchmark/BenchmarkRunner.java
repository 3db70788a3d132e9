package io.github.sibench.benchmark;

import ai.djl.ndarray.NDManager;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.GridConfig;
import io.github.sibench.benchmark.config.GridParameter;
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
import java.util.stream.Collectors;

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
 * run's ok rows ({@link Agreement}); {@code efficiency.csv} the NFE each model needs to come within 10% of its
 * best FID-Y, when it was sampled at several step counts ({@link SampleEfficiency}). Named ablation grids
 * ({@link GridConfig}) add rows, told apart by the {@code grid} and {@code grid_value} columns. At the end
 * {@code report.html} ({@link HtmlReport}) shows it all.
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
            "sampler", "sampler_label", "steps", "nfe", "guidance_weight", "grid", "grid_value", "dataset",
            "ambient_dim", "n_train", "seed", "train_steps",
            "train_seconds", "steps_per_second", "sample_seconds", "final_loss", "network");

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
     * One stage of a run: its data, the settings its models train and sample with, {@code measurement}, the
     * configuration of its data and metrics (part of every cell's key, {@link Cells}), and its ablation grids
     * (the toy's; none on images).
     */
    record Stage(StageData data, Backbone backbone, TrainingConfig training, int nSamples, List<Long> seeds,
            List<Setting> settings, boolean primarySamplerOnly, Map<String, Object> measurement,
            List<GridConfig> grids) {}

    /**
     * One way a trained model is sampled, one row: a sampler, the guidance weight of the labelled settings,
     * and the grid point it belongs to ({@code grid} null for the run's own rows).
     */
    record Draw(SamplerSpec sampler, double guidanceWeight, GridConfig grid, double value) {

        /** What the grid point adds to file names, e.g. {@code _train-size-100}; empty for the run's own rows. */
        String suffix() {
            return grid == null ? "" : suffix(grid, value);
        }

        static String suffix(GridConfig grid, double value) {
            return "_" + grid.name() + "-" + GridConfig.format(value);
        }

        /** The row's sampler, guidance and grid columns. */
        void describe(Map<String, Object> row, Setting setting) {
            row.put("sampler", sampler.name());
            row.put("sampler_label", sampler.label());
            if (sampler.fixedSteps()) {
                row.put("steps", sampler.steps());
            }
            if (setting.labelled()) {
                row.put("guidance_weight", guidanceWeight);
            }
            if (grid != null) {
                row.put("grid", grid.name());
                row.put("grid_value", GridConfig.format(value));
            }
        }
    }

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
                config.seeds(), config.settings(), false, toyMeasurement, config.grids());
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
        CsvTable efficiency = SampleEfficiency.table(rows, config.grids().stream()
                .filter(g -> g.vary() == GridParameter.STEPS).map(GridConfig::name).collect(Collectors.toSet()));
        if (efficiency.size() > 0) {
            efficiency.write(dir.resolve("efficiency.csv"));
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
                    images.seeds(), images.settings(), true, measurement, List.of());
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
     * Runs every model x setting x seed of a stage, then every point of its grids that trains again
     * ({@link GridParameter#retrains}), skipping cells finished by an earlier run of the same configuration
     * into the same folder ({@link Cells}): their rows are taken from the cell files. The grids that only change
     * sampling add their rows to the cell of the model they sample.
     */
    private void runStage(Stage stage, List<ModelEntry> models, Path results) {
        Cells cells = new Cells(results.getParent());
        int cellNumber = 0;
        for (ModelEntry entry : models) {
            for (Setting setting : stage.settings()) {
                for (long seed : stage.seeds()) {
                    if (shard == null || shard.owns(cellNumber)) {
                        runCell(cells, stage, entry, setting, seed, draws(stage, entry, setting), "", results);
                    }
                    cellNumber++;
                }
            }
        }
        for (GridConfig grid : stage.grids()) {
            if (!grid.vary().retrains()) {
                continue;
            }
            for (double value : grid.values()) {
                Stage variant = withNTrain(stage, (int) value);
                for (ModelEntry entry : models) {
                    if (!grid.runs(entry.label())) {
                        continue;
                    }
                    for (Setting setting : stage.settings()) {
                        if (!grid.runsIn(setting)) {
                            continue;
                        }
                        List<Draw> draws = grid.vary().samplers(entry.samplers(), value).stream()
                                .map(s -> new Draw(s, config.guidance().weight(), grid, value)).toList();
                        for (long seed : stage.seeds()) {
                            if (shard == null || shard.owns(cellNumber)) {
                                runCell(cells, variant, entry, setting, seed, draws, Draw.suffix(grid, value), results);
                            }
                            cellNumber++;
                        }
                    }
                }
            }
        }
    }

    /** Runs one cell, or takes its rows from an earlier run's cell file; {@code suffix} tells grid cells apart. */
    private void runCell(Cells cells, Stage stage, ModelEntry entry, Setting setting, long seed, List<Draw> draws,
            String suffix, Path results) {
        Path cell = cells.file(entry.label() + suffix, setting.id(), seed, describe(stage, entry, setting, seed, draws));
        List<Map<String, Object>> done = cells.read(cell);
        String task = entry.label() + suffix + " " + setting.id() + " seed " + seed + " on " + stage.data().name();
        if (done != null) {
            done.forEach(this::add);
            progress.message("finished earlier: " + task);
        } else {
            int before = rows.size();
            runModel(stage, entry, setting, seed, draws, suffix, task);
            List<Map<String, Object>> added = rows.subList(before, rows.size());
            if (added.stream().allMatch(r -> "ok".equals(r.get("status")))) {
                cells.write(cell, added);
            }
        }
        table.write(results);
    }

    /**
     * The rows of a model's own cell: its samplers (the image stage: its first) with the run's guidance weight,
     * then the points of the stage's grids that only change sampling ({@link GridParameter#samplers}).
     */
    private List<Draw> draws(Stage stage, ModelEntry entry, Setting setting) {
        double weight = config.guidance().weight();
        List<SamplerSpec> own = stage.primarySamplerOnly() ? entry.samplers().subList(0, 1) : entry.samplers();
        List<Draw> draws = new ArrayList<>(own.stream().map(s -> new Draw(s, weight, null, 0)).toList());
        for (GridConfig grid : stage.grids()) {
            if (grid.vary().retrains() || !grid.runs(entry.label()) || !grid.runsIn(setting)) {
                continue;
            }
            for (double value : grid.values()) {
                double w = grid.vary() == GridParameter.GUIDANCE_WEIGHT ? value : weight;
                grid.vary().samplers(entry.samplers(), value).forEach(s -> draws.add(new Draw(s, w, grid, value)));
            }
        }
        return draws;
    }

    /** The toy stage on a training set of {@code nTrain} points (a training-set-size grid point). */
    private Stage withNTrain(Stage stage, int nTrain) {
        DatasetConfig d = config.dataset();
        DatasetConfig dataset = new DatasetConfig(d.name(), d.ambientDim(), nTrain, d.embeddingSeed(), d.dataSeed());
        Map<String, Object> measurement = new LinkedHashMap<>(stage.measurement());
        measurement.put("dataset", dataset);
        return new Stage(new ToyStage(config, dataset, Path.of(config.output()), false), stage.backbone(),
                stage.training(), stage.nSamples(), stage.seeds(), stage.settings(), false, measurement, List.of());
    }

    /** Everything that can change the rows of one cell: its key's content. */
    private Map<String, Object> describe(Stage stage, ModelEntry entry, Setting setting, long seed, List<Draw> draws) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("measurement", stage.measurement());
        d.put("backbone", stage.backbone());
        d.put("training", stage.training());
        d.put("nSamples", stage.nSamples());
        d.put("model", entry.name());
        d.put("label", entry.label());
        d.put("config", entry.config());
        d.put("draws", draws);
        d.put("setting", setting);
        d.put("seed", seed);
        d.put("guidance", config.guidance());
        d.put("device", config.device());
        return d;
    }

    /** Trains one model in one setting with one seed and samples it once per draw, one row each. */
    private void runModel(Stage stage, ModelEntry entry, Setting setting, long seed, List<Draw> draws, String suffix,
            String task) {
        StageData data = stage.data();
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
                        "%s_%s%s_%s_seed%d.csv", data.name(), entry.label(), suffix, setting.id(), seed)));
            }
            common.put("train_steps", trained.steps());
            common.put("train_seconds", trained.seconds());
            common.put("steps_per_second", trained.stepsPerSecond());
            common.put("final_loss", trained.finalLoss());
            for (Draw draw : draws) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                draw.describe(row, setting);
                try {
                    sample(model, draw, labels, generation, stage, row, seed);
                    row.put("status", "ok");
                } catch (RuntimeException e) {
                    fail(row, e);
                    progress.message("FAILED " + task + " " + draw.sampler().label() + draw.suffix() + ": "
                            + row.get("reason"));
                }
                add(row);
            }
        } catch (RuntimeException e) {
            for (Draw draw : draws) {
                Map<String, Object> row = new LinkedHashMap<>(common);
                draw.describe(row, setting);
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
    private void sample(GenerativeModel model, Draw draw, int[] labels, long generation, Stage stage,
            Map<String, Object> row, long seed) {
        SamplerSpec sampler = draw.sampler();
        Guidance guidance = labels == null ? Guidance.NONE : Guidance.of(labels, draw.guidanceWeight());
        try (NDManager m = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            Samples samples = SamplingThreads.with(config.samplingThreads(),
                    () -> model.generate(sampler, stage.nSamples(), guidance, generation, m));
            row.put("sample_seconds", (System.nanoTime() - start) / 1e9);
            row.put("nfe", samples.nfe());
            String stem = String.format(Locale.ROOT, "%s_%s_%s%s_seed%d", row.get("model"), row.get("setting"),
                    sampler.label(), draw.suffix(), seed);
            row.putAll(stage.data().measure(samples, labels, seed, stem));
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
