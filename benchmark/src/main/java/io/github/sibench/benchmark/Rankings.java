package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.ModelEntry;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.ranking.Consistency;
import io.github.sibench.benchmark.ranking.Direction;
import io.github.sibench.benchmark.ranking.Ranking;
import io.github.sibench.benchmark.ranking.RankingCsv;
import io.github.sibench.core.random.SeedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rankings and comparisons of one run, built from its result rows and written as {@code ranking.csv}
 * and {@code consistency.csv} ({@link RankingCsv}).
 *
 * <p>A model is ranked by its <em>primary sampler</em>, the first it lists, on the rows of one dataset and
 * setting: its metric on every seed of the stage, from rows with status {@code ok} (not ablation-grid rows). A
 * model with a failed or missing row on any seed is left out of the ranking (a message says so), since the tie test
 * pairs seeds. Every bootstrap draws from a node of {@code SeedTree.root(0).child("ranking")} named after the
 * dataset and setting, so the files depend only on the rows.
 */
final class Rankings {

    private final Progress progress;
    private final Map<String, RankingCsv.Labelled> rankings = new LinkedHashMap<>();
    private final List<RankingCsv.Comparison> comparisons = new ArrayList<>();

    Rankings(Progress progress) {
        this.progress = progress;
    }

    /** Ranks {@code models} on the rows of {@code dataset} and {@code setting} by {@code metric}, lower is better. */
    void rank(List<Map<String, Object>> rows, String dataset, Setting setting, String metric, List<ModelEntry> models,
            List<Long> seeds) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ModelEntry model : models) {
            String primary = model.samplers().get(0).label();
            double[] v = new double[seeds.size()];
            boolean complete = true;
            for (int i = 0; i < seeds.size(); i++) {
                Map<String, Object> row = find(rows, dataset, setting, model.label(), primary, seeds.get(i));
                Object value = row == null ? null : row.get(metric);
                if (row == null || !"ok".equals(row.get("status")) || !(value instanceof Number n)
                        || !Double.isFinite(n.doubleValue())) {
                    complete = false;
                    break;
                }
                v[i] = n.doubleValue();
            }
            if (complete) {
                values.put(model.label(), v);
            } else {
                progress.message("ranking " + dataset + " " + setting.id() + ": " + model.label()
                        + " left out (no " + metric + " on every seed)");
            }
        }
        if (values.isEmpty()) {
            progress.message("ranking " + dataset + " " + setting.id() + ": no model has " + metric + " on every seed");
            return;
        }
        Ranking r = Ranking.of(metric, Direction.LOWER_IS_BETTER, values, BenchmarkRunner.RESAMPLES,
                seed(dataset, setting).child("ties"));
        rankings.put(key(dataset, setting), new RankingCsv.Labelled(dataset, setting.id(), r));
    }

    /** The ranking of a dataset and setting, or null when none was made. */
    Ranking get(String dataset, Setting setting) {
        RankingCsv.Labelled l = rankings.get(key(dataset, setting));
        return l == null ? null : l.ranking();
    }

    /** Compares the toy's ranking with the image ranking of {@code setting} ({@link Consistency#assess}). */
    void compare(String toyDataset, String imageDataset, Setting setting) {
        RankingCsv.Labelled toy = rankings.get(key(toyDataset, setting));
        RankingCsv.Labelled image = rankings.get(key(imageDataset, setting));
        if (toy == null || image == null || image.ranking().entries().size() < 2) {
            progress.message("no toy-to-image comparison in " + setting.id()
                    + ": fewer than 2 models were ranked on both");
            return;
        }
        int b = BenchmarkRunner.RESAMPLES;
        Consistency c = Consistency.assess(toy.ranking(), image.ranking(),
                toy.ranking().bootstrapMeans(b, seed(toyDataset, setting).child("agreement")),
                image.ranking().bootstrapMeans(b, seed(imageDataset, setting).child("agreement")));
        comparisons.add(new RankingCsv.Comparison(toy, image, c));
        progress.message("toy vs " + imageDataset + " (" + setting.id() + "): " + c.verdict().label() + ", "
                + c.reason());
    }

    /** Writes {@code ranking.csv}, and {@code consistency.csv} when a comparison was made. */
    void write(Path dir) {
        RankingCsv.writeRanking(dir, List.copyOf(rankings.values()));
        if (!comparisons.isEmpty()) {
            RankingCsv.writeConsistency(dir, comparisons);
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String dataset, Setting setting,
            String model, String sampler, long seed) {
        for (Map<String, Object> r : rows) {
            if (dataset.equals(r.get("dataset")) && setting.id().equals(r.get("setting")) && model.equals(r.get("model"))
                    && sampler.equals(r.get("sampler_label")) && r.get("seed") instanceof Number s && s.longValue() == seed
                    && r.get("grid") == null) {
                return r;
            }
        }
        return null;
    }

    private static String key(String dataset, Setting setting) {
        return dataset + "|" + setting.id();
    }

    private static SeedTree seed(String dataset, Setting setting) {
        return SeedTree.root(0).child("ranking").child(dataset).child(setting.id());
    }
}
