package io.github.sibench.benchmark.ranking;

/**
 * Rank correlations between two scorings of the same items (index i of both arrays is the same model).
 *
 * <ul>
 *   <li>Kendall's tau-b (Kendall 1945, "The treatment of ties in ranking problems"):
 *       {@code (C - D) / sqrt((P - T_a) (P - T_b))} with C and D the concordant and discordant pairs,
 *       {@code P = n (n - 1) / 2} and {@code T_a}, {@code T_b} the pairs tied in a, in b. NaN when either
 *       scoring ties every pair (no order to compare).
 *   <li>Spearman's rho (Spearman 1904): the Pearson correlation of the average ranks (tied values share the
 *       mean of the ranks they occupy). NaN when either scoring is constant.
 * </ul>
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /** Kendall's tau-b between {@code a} and {@code b} (equal lengths >= 2). */
    public static double kendallTauB(double[] a, double[] b) {
        check(a, b);
        long concordant = 0;
        long discordant = 0;
        long tiedA = 0;
        long tiedB = 0;
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int sa = Double.compare(a[i], a[j]);
                int sb = Double.compare(b[i], b[j]);
                if (sa == 0) {
                    tiedA++;
                }
                if (sb == 0) {
                    tiedB++;
                }
                if (sa != 0 && sb != 0) {
                    if (sa == sb) {
                        concordant++;
                    } else {
                        discordant++;
                    }
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        double denominator = Math.sqrt((double) (pairs - tiedA) * (pairs - tiedB));
        return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
    }

    /** Spearman's rho between {@code a} and {@code b} (equal lengths >= 2), average ranks for ties. */
    public static double spearmanRho(double[] a, double[] b) {
        check(a, b);
        double[] ra = averageRanks(a);
        double[] rb = averageRanks(b);
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += ra[i] / n;
            mb += rb[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Ranks 1..n of {@code v} (ascending), tied values getting the mean of the ranks they span. */
    public static double[] averageRanks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = r;
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * The bootstrap probability that two orders agree: the fraction of replicates b for which Kendall's
     * tau-b between {@code a[.][b]} and {@code b[.][b]} is positive (more concordant than discordant model
     * pairs). {@code a[m]} and {@code b[m]} are model m's replicates on the two datasets (equal counts);
     * replicates with an undefined tau (all tied) count as not agreeing.
     */
    public static double agreementProbability(double[][] a, double[][] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("agreement: need the same >= 2 models on both sides, got "
                    + a.length + " and " + b.length);
        }
        int reps = a[0].length;
        for (int m = 0; m < a.length; m++) {
            if (a[m].length != reps || b[m].length != reps) {
                throw new IllegalArgumentException("agreement: every model needs " + reps + " replicates");
            }
        }
        int agree = 0;
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        for (int r = 0; r < reps; r++) {
            for (int m = 0; m < a.length; m++) {
                x[m] = a[m][r];
                y[m] = b[m][r];
            }
            if (kendallTauB(x, y) > 0) {
                agree++;
            }
        }
        return (double) agree / reps;
    }

    private static void check(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("rank correlation: need equal lengths >= 2, got " + a.length
                    + " and " + b.length);
        }
    }
}
