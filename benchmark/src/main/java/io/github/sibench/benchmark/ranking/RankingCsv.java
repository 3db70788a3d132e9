package io.github.sibench.benchmark.ranking;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ranking report files, written with {@link CsvTable} (stable header, atomic write).
 *
 * <p>{@code ranking.csv}, one row per model in ranking order ({@link #RANKING_COLUMNS}): {@code dataset},
 * {@code setting}, {@code metric} (name), {@code direction} ({@code lower} or {@code higher} is better),
 * {@code rank} (competition rank with ties, {@link Ranking}), {@code model}, {@code mean} and {@code std}
 * (over seeds, not oriented), {@code ci_low} and {@code ci_high} (95% percentile bootstrap interval of the
 * mean over seeds), {@code n_seeds}, {@code tied_with} (models not separated from this one, {@code ;}-joined),
 * {@code resamples} (bootstrap B of the tie test and the interval).
 *
 * <p>{@code consistency.csv}, one row per comparison ({@link #CONSISTENCY_COLUMNS}): {@code setting},
 * {@code toy_dataset}, {@code image_dataset}, {@code toy_metric}, {@code image_metric}, {@code models}
 * ({@code ;}-joined, image order), {@code toy_ranking} and {@code image_ranking} (each model as
 * {@code name:rank:mean[ci_low,ci_high]}, {@code ;}-joined), {@code kendall_tau_b}, {@code spearman_rho},
 * {@code agreement_probability}, {@code resamples}, {@code verdict} ({@code consistent},
 * {@code inconsistent}, {@code inconclusive}), {@code reason}.
 */
public final class RankingCsv {

    /** Columns of {@code ranking.csv}. */
    public static final List<String> RANKING_COLUMNS = List.of("dataset", "setting", "metric", "direction", "rank",
            "model", "mean", "std", "ci_low", "ci_high", "n_seeds", "tied_with", "resamples");

    /** Columns of {@code consistency.csv}. */
    public static final List<String> CONSISTENCY_COLUMNS = List.of("setting", "toy_dataset", "image_dataset",
            "toy_metric", "image_metric", "models", "toy_ranking", "image_ranking", "kendall_tau_b", "spearman_rho",
            "agreement_probability", "resamples", "verdict", "reason");

    /**
     * A ranking with where it was measured.
     *
     * @param dataset the {@code dataset} column of its rows
     * @param setting the label setting
     * @param ranking the ranking
     */
    public record Labelled(String dataset, String setting, Ranking ranking) {}

    /** A comparison of a toy ranking with an image ranking. */
    public record Comparison(Labelled toy, Labelled image, Consistency consistency) {}

    private RankingCsv() {
    }

    /** The 95% percentile bootstrap interval of an entry's mean over seeds, drawn from {@code seed}. */
    public static Bootstrap.Interval interval(Ranking.Entry e, int resamples, SeedTree seed) {
        double[] v = e.values();
        return Bootstrap.percentile(v.length, idx -> Bootstrap.mean(v, idx), resamples, Ranking.LEVEL, seed);
    }

    /** The rows of {@code rankings} (several datasets, settings and metrics share one file). */
    public static CsvTable rankingTable(List<Labelled> rankings) {
        CsvTable t = new CsvTable(RANKING_COLUMNS);
        for (Labelled l : rankings) {
            Ranking r = l.ranking();
            for (Ranking.Entry e : r.entries()) {
                Bootstrap.Interval ci = interval(e, r.resamples(), intervalSeed(l, e));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dataset", l.dataset());
                row.put("setting", l.setting());
                row.put("metric", r.metric());
                row.put("direction", r.direction().label());
                row.put("rank", e.rank());
                row.put("model", e.model());
                row.put("mean", e.summary().mean());
                row.put("std", e.summary().std());
                row.put("ci_low", ci.low());
                row.put("ci_high", ci.high());
                row.put("n_seeds", e.summary().n());
                row.put("tied_with", String.join(";", e.tiedWith()));
                row.put("resamples", r.resamples());
                t.add(row);
            }
        }
        return t;
    }

    /** The rows of {@code comparisons}. */
    public static CsvTable consistencyTable(List<Comparison> comparisons) {
        CsvTable t = new CsvTable(CONSISTENCY_COLUMNS);
        for (Comparison cmp : comparisons) {
            Consistency c = cmp.consistency();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setting", cmp.image().setting());
            row.put("toy_dataset", cmp.toy().dataset());
            row.put("image_dataset", cmp.image().dataset());
            row.put("toy_metric", cmp.toy().ranking().metric());
            row.put("image_metric", cmp.image().ranking().metric());
            row.put("models", String.join(";", c.models()));
            row.put("toy_ranking", describe(cmp.toy(), c.models()));
            row.put("image_ranking", describe(cmp.image(), c.models()));
            row.put("kendall_tau_b", c.kendallTau());
            row.put("spearman_rho", c.spearmanRho());
            row.put("agreement_probability", c.agreementProbability());
            row.put("resamples", c.resamples());
            row.put("verdict", c.verdict().label());
            row.put("reason", c.reason());
            t.add(row);
        }
        return t;
    }

    /** {@code name:rank:mean[low,high]} of each of {@code models}, in that order. */
    private static String describe(Labelled l, List<String> models) {
        Ranking r = l.ranking();
        return models.stream().map(r::entry).map(e -> {
            Bootstrap.Interval ci = interval(e, r.resamples(), intervalSeed(l, e));
            return String.format(Locale.ROOT, "%s:%d:%.4g[%.4g,%.4g]", e.model(), e.rank(), e.summary().mean(),
                    ci.low(), ci.high());
        }).collect(Collectors.joining(";"));
    }

    /** The interval's draws: one node per dataset, setting and model, so the two files agree. */
    private static SeedTree intervalSeed(Labelled l, Ranking.Entry e) {
        return SeedTree.root(0).child("interval").child(l.dataset()).child(l.setting()).child(e.model());
    }

    /** Writes {@code dir/ranking.csv}. */
    public static void writeRanking(Path dir, List<Labelled> rankings) {
        rankingTable(rankings).write(dir.resolve("ranking.csv"));
    }

    /** Writes {@code dir/consistency.csv}. */
    public static void writeConsistency(Path dir, List<Comparison> comparisons) {
        consistencyTable(comparisons).write(dir.resolve("consistency.csv"));
    }
}
