package io.github.sibench.benchmark.ranking;

import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking report files, written with {@link CsvTable} (stable header, atomic write).
 *
 * <p>{@code ranking.csv}, one row per model in ranking order ({@link #RANKING_COLUMNS}):
 * {@code metric} (name), {@code direction} ({@code lower} or {@code higher} is better), {@code rank}
 * (competition rank with ties, {@link Ranking}), {@code model}, {@code mean} and {@code std} (over seeds,
 * not oriented), {@code n_seeds}, {@code tied_with} (models not separated from this one, {@code ;}-joined),
 * {@code resamples} (bootstrap B of the tie test).
 *
 * <p>{@code consistency.csv}, one row per comparison ({@link #CONSISTENCY_COLUMNS}): {@code toy_metric},
 * {@code image_metric}, {@code models} ({@code ;}-joined, image order), {@code kendall_tau_b},
 * {@code spearman_rho}, {@code agreement_probability}, {@code resamples}, {@code verdict}
 * ({@code consistent}, {@code inconsistent}, {@code inconclusive}), {@code reason}.
 */
public final class RankingCsv {

    /** Columns of {@code ranking.csv}. */
    public static final List<String> RANKING_COLUMNS = List.of("metric", "direction", "rank", "model", "mean",
            "std", "n_seeds", "tied_with", "resamples");

    /** Columns of {@code consistency.csv}. */
    public static final List<String> CONSISTENCY_COLUMNS = List.of("toy_metric", "image_metric", "models",
            "kendall_tau_b", "spearman_rho", "agreement_probability", "resamples", "verdict", "reason");

    private RankingCsv() {
    }

    /** The rows of {@code rankings} (several metrics may share one file). */
    public static CsvTable rankingTable(List<Ranking> rankings) {
        CsvTable t = new CsvTable(RANKING_COLUMNS);
        for (Ranking r : rankings) {
            for (Ranking.Entry e : r.entries()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("metric", r.metric());
                row.put("direction", r.direction().label());
                row.put("rank", e.rank());
                row.put("model", e.model());
                row.put("mean", e.summary().mean());
                row.put("std", e.summary().std());
                row.put("n_seeds", e.summary().n());
                row.put("tied_with", String.join(";", e.tiedWith()));
                row.put("resamples", r.resamples());
                t.add(row);
            }
        }
        return t;
    }

    /** The row of one comparison. */
    public static CsvTable consistencyTable(Ranking toy, Ranking image, Consistency c) {
        CsvTable t = new CsvTable(CONSISTENCY_COLUMNS);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("toy_metric", toy.metric());
        row.put("image_metric", image.metric());
        row.put("models", String.join(";", c.models()));
        row.put("kendall_tau_b", c.kendallTau());
        row.put("spearman_rho", c.spearmanRho());
        row.put("agreement_probability", c.agreementProbability());
        row.put("resamples", c.resamples());
        row.put("verdict", c.verdict().label());
        row.put("reason", c.reason());
        t.add(row);
        return t;
    }

    /** Writes {@code dir/ranking.csv}. */
    public static void writeRanking(Path dir, List<Ranking> rankings) {
        rankingTable(rankings).write(dir.resolve("ranking.csv"));
    }

    /** Writes {@code dir/consistency.csv}. */
    public static void writeConsistency(Path dir, Ranking toy, Ranking image, Consistency c) {
        consistencyTable(toy, image, c).write(dir.resolve("consistency.csv"));
    }
}
