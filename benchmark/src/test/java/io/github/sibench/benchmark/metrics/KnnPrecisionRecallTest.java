package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** k-NN precision and recall on hand-computed configurations and against a sort-based k-th neighbour. */
class KnnPrecisionRecallTest {

    private static double[] onLine(double... x) {
        double[] xy = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            xy[2 * i] = x[i];
        }
        return xy;
    }

    /**
     * k = 1 on the x-axis. Reference {0, 1, 2, 3, 10}: squared radii {1, 1, 1, 1, 49}. Generated
     * {0.5, 1.5, 2}: squared radii {1, 0.25, 0.25}. Every generated point lies in a reference ball
     * (precision 1); reference points 0, 1, 2 lie in a generated ball, 3 (1 from the ball of radius 0.5 at 2) and
     * 10 do not: recall 3/5.
     */
    @Test
    void handComputedOnALine() {
        KnnPrecisionRecall.Result r = new KnnPrecisionRecall(onLine(0, 1, 2, 3, 10), 1).measure(onLine(0.5, 1.5, 2));
        assertEquals(1.0, r.precision());
        assertEquals(0.6, r.recall(), 1e-15);
        // roles swapped: 3 and 10 fall outside the balls of {0.5, 1.5, 2}, which all lie in the balls of the other set
        KnnPrecisionRecall.Result back = new KnnPrecisionRecall(onLine(0.5, 1.5, 2), 1).measure(onLine(0, 1, 2, 3, 10));
        assertEquals(0.6, back.precision(), 1e-15);
        assertEquals(1.0, back.recall());
    }

    /** The k-th nearest other point by insertion equals the k-th entry of the sorted distances (self excluded). */
    @Test
    void kthNeighbourMatchesSorting() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200;
        double[] xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = rng.nextGaussian();
        }
        xy[2] = xy[0]; // a duplicate point: distance 0 is a neighbour like any other
        xy[3] = xy[1];
        for (int k = 1; k <= 5; k++) {
            double[] want = new double[n];
            for (int i = 0; i < n; i++) {
                double[] d = new double[n - 1];
                for (int j = 0, at = 0; j < n; j++) {
                    if (j != i) {
                        double dx = xy[2 * i] - xy[2 * j];
                        double dy = xy[2 * i + 1] - xy[2 * j + 1];
                        d[at++] = dx * dx + dy * dy;
                    }
                }
                Arrays.sort(d);
                want[i] = d[k - 1];
            }
            assertArrayEquals(want, KnnPrecisionRecall.kthNeighbourSquared(xy, k), 0, "k = " + k);
        }
    }

    @Test
    void rejectsTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> new KnnPrecisionRecall(onLine(0, 1, 2), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new KnnPrecisionRecall(onLine(0, 1, 2, 3), 3).measure(onLine(0, 1, 2)));
    }
}
