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
import io.github.sibench.reports.html.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code run} (the default: resolve a configuration, run it, write the results and the
 * report; {@code --shard i/n} runs a part of the toy grid, {@link Shard}), {@code merge OUT SHARD_DIR...}
 * (combine shards and finish the run, {@link Merge}), {@code report DIR} (rebuild {@code report.html} from a
 * run's files), {@code check DIR --expect FILE} (the nightly job's check, {@link NightlyCheck}) and
 * {@code list}. Exit code 0 when every row is ok
 * (or the command succeeded), 1 when some model or sampler failed (the others still ran) or a check found
 * problems, 2 for a bad configuration or input: one line {@code error: ...} naming the field, before
 * anything is trained or written.
 */
@Command(name = "sibench", mixinStandardHelpOptions = true,
        subcommands = {Main.Run.class, Main.Report.class, Main.Check.class, Main.MergeCommand.class,
                Main.ListCommand.class},
        description = "Train, sample and measure generative models on the seed toy, rank them, and with an image "
                + "stage check the ranking on images (results.csv, ranking.csv, consistency.csv, report.html). "
                + "Without a subcommand: run.")
public final class Main implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--list", description = "List profiles, models, samplers and datasets, then exit (as `list`).")
    boolean list;

    /** Options of a run, shared by {@code sibench [options]} and {@code sibench run [options]}. */
    static final class RunOptions {

        @Option(names = "--profile", description = "Profile: ${COMPLETION-CANDIDATES} (default: quick, or the config "
                + "file's).", completionCandidates = Profiles.class)
        String profile;

        @Option(names = "--config", description = "JSON file merged over the profile.")
        Path configFile;

        @Option(names = "--set", description = "Override, e.g. --set training.steps=500 --set seeds=[0,1,2]")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--output", description = "Output directory (same as --set output=DIR).")
        String output;

        @Option(names = "--dry-run", description = "Resolve and print the configuration, then exit.")
        boolean dryRun;

        @Option(names = "--shard", paramLabel = "i/n", description = "Run only the i-th of n disjoint parts of the toy"
                + " grid (n alone: i from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX), written to"
                + " <output>/shard-i-of-n; combine with `merge`.")
        String shard;

        int run() {
            List<String> all = new ArrayList<>(overrides);
            if (output != null) {
                all.add("output=" + output);
            }
            RunConfig config;
            Shard part = null;
            try {
                config = ConfigLoader.load(profile, configFile, all);
                if (shard != null) {
                    part = Shard.parse(shard, System.getenv());
                    all.add("output=" + Path.of(config.output()).resolve(part.folder()));
                    config = ConfigLoader.load(profile, configFile, all);
                }
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
            return report(new BenchmarkRunner(config, new ConsoleProgress(System.err), part).run(), start);
        }
    }

    /** Prints where a finished run's files are; its exit code. */
    static int report(BenchmarkRunner.Outcome outcome, long start) {
        System.err.printf("%d rows (%d failed) in %.1f s%n", outcome.rows(), outcome.failed(),
                (System.nanoTime() - start) / 1e9);
        if (outcome.stageError() != null) {
            System.err.println("error: " + outcome.stageError());
        }
        System.out.println("results: " + outcome.results().toAbsolutePath());
        System.out.println("report:  " + outcome.directory().resolve("report.html").toAbsolutePath());
        return outcome.failed() == 0 && outcome.stageError() == null ? 0 : 1;
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Combine the output folders of a run's shards (--shard) into OUT and finish the run there: "
                    + "rankings, image stage, summaries, report.")
    static final class MergeCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "OUT", description = "Output folder of the merged run.")
        Path out;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD_DIR", description = "The shards' folders.")
        List<Path> shards;

        @Override
        public Integer call() {
            RunConfig config;
            try {
                config = Merge.check(out, shards);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            Merge.copy(out, shards);
            long start = System.nanoTime();
            return report(new BenchmarkRunner(config, new ConsoleProgress(System.err)).run(), start);
        }
    }

    static final class Profiles extends ArrayList<String> {
        Profiles() {
            super(ConfigLoader.PROFILES);
        }
    }

    @Override
    public Integer call() {
        return list ? ListCommand.print() : options.run();
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a configuration (the default).")
    static final class Run implements Callable<Integer> {

        @Mixin
        RunOptions options = new RunOptions();

        @Override
        public Integer call() {
            return options.run();
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Rebuild report.html from the files of a run's output folder (also one merged from shards).")
    static final class Report implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "A run's output folder.")
        Path dir;

        @Override
        public Integer call() {
            try {
                System.out.println("report: " + HtmlReport.write(dir).toAbsolutePath());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a finished run against expectations (the nightly job): outputs, failed rows, FID-Y "
                    + "thresholds, verdict.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "A run's output folder.")
        Path dir;

        @Option(names = "--expect", required = true, description = "Expectations JSON, e.g. .ci/nightly-expectations.json")
        Path expect;

        @Override
        public Integer call() {
            NightlyCheck.Expectations expected;
            try {
                expected = NightlyCheck.Expectations.read(expect);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            List<String> problems = NightlyCheck.problems(dir, expected);
            problems.forEach(p -> System.err.println("problem: " + p));
            System.out.println(problems.isEmpty() ? "check passed: " + dir : problems.size() + " problem(s) in " + dir);
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List profiles, models (with their samplers), samplers (with their defaults), datasets.")
    static final class ListCommand implements Callable<Integer> {

        @Override
        public Integer call() {
            return print();
        }

        static int print() {
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
    }

    private static <C extends Record> List<String> defaultSamplers(ModelFactory<C> f) {
        return f.samplers(f.defaultConfig()).stream().map(SamplerKind::configName).toList();
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        System.exit(code);
    }
}
