package io.github.sibench.benchmark.ranking;

import io.github.sibench.core.random.SeedTree;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The nonparametric bootstrap (Efron 1979; Efron and Tibshirani, "An Introduction to the Bootstrap", 1993):
 * a statistic is recomputed on B resamples of n indices drawn uniformly with replacement; the percentile
 * interval at level {@code 1 - alpha} is the pair of empirical quantiles {@code alpha/2} and
 * {@code 1 - alpha/2} of the B replicates (order statistics {@code floor((B - 1) q)} and its successor,
 * linearly interpolated). Generic: the statistic is any function of a resampled index array, so it can
 * resample generated samples, seeds, or paired seeds of several models at once.
 *
 * <p>Resample b draws its indices from {@code seed.child(b).rng()}, so replicate b does not depend on B,
 * and two statistics bootstrapped with the same seed see the same resamples (paired).
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * A percentile interval.
     *
     * @param estimate the statistic on the original (identity) index array
     * @param low lower bound
     * @param high upper bound
     * @param level the coverage level, e.g. 0.95
     */
    public record Interval(double estimate, double low, double high, double level) {

        /** Whether {@code v} lies in [low, high]. */
        public boolean contains(double v) {
            return low <= v && v <= high;
        }
    }

    /** The B resampled index arrays' statistics, in resample order. */
    public static double[] replicates(int n, ToDoubleFunction<int[]> statistic, int resamples, SeedTree seed) {
        if (n < 1) {
            throw new IllegalArgumentException("bootstrap: n must be >= 1, got " + n);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap: resamples must be >= 1, got " + resamples);
        }
        double[] out = new double[resamples];
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            SplittableRandom rng = seed.child(b).rng();
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            out[b] = statistic.applyAsDouble(idx.clone());
        }
        return out;
    }

    /** The percentile interval at {@code level} in (0, 1) of the statistic over B resamples. */
    public static Interval percentile(int n, ToDoubleFunction<int[]> statistic, int resamples, double level,
            SeedTree seed) {
        return interval(n, statistic, resamples, level, seed, false);
    }

    /**
     * The percentile interval at {@code level} shifted by the bootstrap's estimate of the statistic's bias,
     * {@code bias = mean(replicates) - estimate}, and clipped at 0 below: {@code [max(0, q_lo - bias),
     * max(0, q_hi - bias)]} (bias estimate of Efron and Tibshirani 1993, section 10; for a nonnegative
     * statistic). For a Frechet distance between a fitted and a fixed Gaussian: resampling with replacement
     * leaves fewer distinct points, so every replicate's fitted covariance is noisier and its distance
     * larger, by about as much as the estimate exceeds the true distance (about tr(S) / n); the plain
     * percentile interval then lies above the estimate (in k = 128 dimensions it can miss it entirely), the
     * shifted one around it.
     */
    public static Interval biasCorrected(int n, ToDoubleFunction<int[]> statistic, int resamples, double level,
            SeedTree seed) {
        return interval(n, statistic, resamples, level, seed, true);
    }

    private static Interval interval(int n, ToDoubleFunction<int[]> statistic, int resamples, double level,
            SeedTree seed, boolean correctBias) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("bootstrap: level must be in (0, 1), got " + level);
        }
        double[] reps = replicates(n, statistic, resamples, seed);
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        double estimate = statistic.applyAsDouble(identity);
        double alpha = 1 - level;
        double low = quantile(reps, alpha / 2);
        double high = quantile(reps, 1 - alpha / 2);
        if (correctBias) {
            double bias = Arrays.stream(reps).average().orElseThrow() - estimate;
            low = Math.max(0, low - bias);
            high = Math.max(0, high - bias);
        }
        return new Interval(estimate, low, high, level);
    }

    /** The empirical quantile q of {@code values} (type 7: interpolating order statistics). */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** The mean of {@code values[idx[i]]}: the usual statistic to bootstrap. */
    public static double mean(double[] values, int[] idx) {
        double s = 0;
        for (int i : idx) {
            s += values[i];
        }
        return s / idx.length;
    }
}
