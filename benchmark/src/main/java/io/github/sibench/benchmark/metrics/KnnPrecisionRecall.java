package io.github.sibench.benchmark.metrics;

/**
 * k-NN precision and recall of Kynkaanniemi, Karras, Laine, Lehtinen and Aila, "Improved precision and
 * recall metric for assessing generative models" (NeurIPS 2019), here on points of the plane. Each set
 * estimates the support of its law as the union of balls around its points, each ball reaching that point's
 * k-th nearest neighbour in the same set (itself excluded):
 *
 * <pre>
 *   f(y; S) = 1 if |y - s|^2 <= NN_k(s, S)^2 for some s in S, else 0
 *   precision = (1/|G|) sum_{g in G} f(g; R)     (generated points inside the real support)
 *   recall    = (1/|R|) sum_{r in R} f(r; G)     (real points inside the generated support)
 * </pre>
 *
 * with R the real (reference) points and G the generated ones. Precision is low when samples land where
 * the data is not; recall is low when part of the data (a mode) gets no samples. Even for two independent
 * samples of the same law neither is 1 (a fresh point can fall outside every ball); the paper uses k = 3,
 * and so do we ({@link #K}). Computation: squared Euclidean distances, the k smallest kept per row by
 * insertion, O(|R| |G|) time; the reference radii are computed once.
 */
public final class KnnPrecisionRecall {

    /** The paper's neighbourhood size. */
    public static final int K = 3;

    /**
     * @param precision fraction of generated points inside the reference support
     * @param recall fraction of reference points inside the generated support
     */
    public record Result(double precision, double recall) {}

    private final double[] reference;
    private final double[] referenceRadii;
    private final int k;

    /** Against the reference points (row-major, n x 2) with neighbourhood size k. */
    public KnnPrecisionRecall(double[] reference, int k) {
        if (k < 1 || reference.length / 2 <= k) {
            throw new IllegalArgumentException("k must be in [1, n - 1] for n = " + reference.length / 2
                    + " reference points, got " + k);
        }
        this.reference = reference.clone();
        this.k = k;
        this.referenceRadii = kthNeighbourSquared(this.reference, k);
    }

    /** Precision and recall of the generated points (row-major, n x 2; at least k + 1 of them). */
    public Result measure(double[] generated) {
        if (generated.length % 2 != 0 || generated.length / 2 <= k) {
            throw new IllegalArgumentException("need at least k + 1 = " + (k + 1) + " generated points, got array length "
                    + generated.length);
        }
        double precision = inside(generated, reference, referenceRadii);
        double recall = inside(reference, generated, kthNeighbourSquared(generated, k));
        return new Result(precision, recall);
    }

    /** Fraction of the points of {@code query} inside some ball of {@code centres} with squared radii {@code r2}. */
    static double inside(double[] query, double[] centres, double[] r2) {
        int n = query.length / 2;
        int m = centres.length / 2;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x = query[2 * i];
            double y = query[2 * i + 1];
            for (int j = 0; j < m; j++) {
                double dx = x - centres[2 * j];
                double dy = y - centres[2 * j + 1];
                if (dx * dx + dy * dy <= r2[j]) {
                    count++;
                    break;
                }
            }
        }
        return count / (double) n;
    }

    /** The squared distance from each point to its k-th nearest other point of the same set. */
    static double[] kthNeighbourSquared(double[] xy, int k) {
        int n = xy.length / 2;
        double[] out = new double[n];
        double[] best = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            for (int j = 0; j < n; j++) {
                double dx = x - xy[2 * j];
                double dy = y - xy[2 * j + 1];
                double d = dx * dx + dy * dy;
                if (d < best[k - 1] && j != i) {
                    int at = k - 1;
                    while (at > 0 && best[at - 1] > d) {
                        best[at] = best[at - 1];
                        at--;
                    }
                    best[at] = d;
                }
            }
            out[i] = best[k - 1];
        }
        return out;
    }
}
