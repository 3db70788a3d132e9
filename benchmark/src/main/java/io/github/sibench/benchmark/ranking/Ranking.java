package io.github.sibench.benchmark.ranking;

import io.github.sibench.core.random.SeedTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models ranked by one metric, with ties where the evidence does not separate two models.
 *
 * <p><b>Input.</b> Per model, the metric's value on each of n seeds, paired across models: observation s
 * of every model comes from seed s (same data split, same evaluation draws), so differences between models
 * are taken seed by seed.
 *
 * <p><b>Separation test: paired bootstrap of the mean difference.</b> For models i and j with oriented
 * values (lower is better) {@code o_i}, {@code o_j}, the per-seed differences {@code d_s = o_i[s] - o_j[s]}
 * are resampled (B resamples of n seed indices with replacement, {@link Bootstrap}); i and j are
 * <em>separated</em> when the 95% percentile interval of the mean difference excludes 0, and tied when it
 * contains 0. Why this test: pairing removes the seed-to-seed variation both models share (data split,
 * evaluation noise), which is usually larger than the gap between models; the bootstrap needs no normality
 * of metrics that are bounded or skewed (FID, coverage). Caveat, stated in every report: with few seeds the
 * bootstrap distribution is coarse (with n = 3 there are only 10 distinct resample means) and the percentile
 * interval under-covers, so ties are declared less often than a t interval would; use n >= 5 seeds where
 * ranking matters. One pair's test is at level 5%; no multiplicity correction is applied (the suite ranks a
 * handful of models and reports each tie).
 *
 * <p><b>Ranks.</b> Competition ranking with ties: {@code rank(i) = 1 + #{j : j is separated from i and
 * better}}. Models no other model beats share rank 1; when ties are transitive this is the usual
 * "1, 1, 3" ranking. <b>Order and top-k:</b> entries are sorted by (rank, mean oriented value, model name),
 * and {@link #top(int)} takes the first k in that order, so ties at the cut are broken by the mean and then
 * alphabetically by name (deterministic, documented in the CSV by the {@code tied_with} column).
 *
 * @param metric the metric's name (as written in reports)
 * @param direction which way the metric improves
 * @param entries the ranked models, in order
 * @param resamples the bootstrap resamples B used by the test
 */
public record Ranking(String metric, Direction direction, List<Entry> entries, int resamples) {

    /** The two-sided level of the separation interval. */
    public static final double LEVEL = 0.95;

    /**
     * One ranked model.
     *
     * @param model the model's name
     * @param summary mean and std of the (not oriented) metric over seeds
     * @param rank competition rank with ties (1 is best)
     * @param tiedWith the models not separated from this one, sorted by name
     * @param values the per-seed values (not oriented)
     */
    public record Entry(String model, SeedSummary summary, int rank, List<String> tiedWith, double[] values) {
    }

    /** Validates that the entries are non-empty. */
    public Ranking {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("ranking: entries must be non-empty");
        }
        entries = List.copyOf(entries);
    }

    /**
     * Ranks the models of {@code valuesBySeed} (model name to per-seed values, equal lengths n >= 2, in
     * seed order) by the paired bootstrap test with {@code resamples} resamples drawn from {@code seed}.
     */
    public static Ranking of(String metric, Direction direction, Map<String, double[]> valuesBySeed,
            int resamples, SeedTree seed) {
        if (valuesBySeed.isEmpty()) {
            throw new IllegalArgumentException("ranking: need at least one model");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("ranking: resamples must be >= 100 for a 95% interval, got "
                    + resamples);
        }
        List<String> names = new ArrayList<>(valuesBySeed.keySet());
        int n = valuesBySeed.get(names.get(0)).length;
        for (String name : names) {
            if (valuesBySeed.get(name).length != n || n < 2) {
                throw new IllegalArgumentException("ranking: every model needs the same number (>= 2) of "
                        + "per-seed values; " + name + " has " + valuesBySeed.get(name).length);
            }
        }
        int m = names.size();
        double[][] o = new double[m][n];
        double[] meanOriented = new double[m];
        for (int i = 0; i < m; i++) {
            double[] v = valuesBySeed.get(names.get(i));
            for (int s = 0; s < n; s++) {
                o[i][s] = direction.oriented(v[s]);
            }
            meanOriented[i] = direction.oriented(SeedSummary.of(v).mean());
        }
        // better[i][j]: j is separated from i and better.
        boolean[][] better = new boolean[m][m];
        boolean[][] tied = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                Bootstrap.Interval ci = differenceInterval(o[i], o[j], resamples, seed);
                if (ci.contains(0)) {
                    tied[i][j] = true;
                    tied[j][i] = true;
                } else if (ci.high() < 0) {
                    better[j][i] = true;
                } else {
                    better[i][j] = true;
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Double> order = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            int rank = 1;
            List<String> ties = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (better[i][j]) {
                    rank++;
                }
                if (tied[i][j]) {
                    ties.add(names.get(j));
                }
            }
            ties.sort(Comparator.naturalOrder());
            double[] v = valuesBySeed.get(names.get(i)).clone();
            entries.add(new Entry(names.get(i), SeedSummary.of(v), rank, List.copyOf(ties), v));
            order.put(names.get(i), meanOriented[i]);
        }
        entries.sort(Comparator.comparingInt(Entry::rank)
                .thenComparingDouble(e -> order.get(e.model()))
                .thenComparing(Entry::model));
        return new Ranking(metric, direction, entries, resamples);
    }

    /**
     * The paired bootstrap 95% percentile interval of {@code mean(a - b)}: resample s of the seed indices
     * is drawn from {@code seed.child("pair").child(s)}, the same for every pair of models.
     */
    public static Bootstrap.Interval differenceInterval(double[] a, double[] b, int resamples, SeedTree seed) {
        double[] d = new double[a.length];
        for (int s = 0; s < a.length; s++) {
            d[s] = a[s] - b[s];
        }
        return Bootstrap.percentile(d.length, idx -> Bootstrap.mean(d, idx), resamples, LEVEL,
                seed.child("pair"));
    }

    /** The first {@code k} entries in ranking order (rank, then mean, then name); all if fewer. */
    public List<Entry> top(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("ranking: top k must be >= 1, got " + k);
        }
        return entries.subList(0, Math.min(k, entries.size()));
    }

    /** The entry of {@code model}; throws when absent. */
    public Entry entry(String model) {
        return entries.stream().filter(e -> e.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ranking: no model '" + model + "' in "
                        + metric + " ranking"));
    }

    /** Whether at least one pair of models is separated (some model's rank is above 1). */
    public boolean anySeparated() {
        return entries.stream().anyMatch(e -> e.rank() > 1);
    }

    /**
     * Per model, B bootstrap replicates of its mean oriented value (lower is better) over seeds, the seed
     * indices of replicate b shared by all models (paired), drawn from {@code seed.child("means")}.
     */
    public Map<String, double[]> bootstrapMeans(int resamples, SeedTree seed) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            double[] o = e.values().clone();
            for (int s = 0; s < o.length; s++) {
                o[s] = direction.oriented(o[s]);
            }
            out.put(e.model(), Bootstrap.replicates(o.length, idx -> Bootstrap.mean(o, idx), resamples,
                    seed.child("means")));
        }
        return out;
    }
}
