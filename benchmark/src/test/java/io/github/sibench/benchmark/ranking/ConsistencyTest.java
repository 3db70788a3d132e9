package io.github.sibench.benchmark.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    private static final double[] NOISE = {0.02, -0.01, 0.015, -0.02, 0.0, 0.01};

    /** Per-seed values {@code means[i] + spread * NOISE[s]} for models m0, m1, m2. */
    private static Ranking ranking(String metric, double spread, double... means) {
        Map<String, double[]> v = new LinkedHashMap<>();
        for (int i = 0; i < means.length; i++) {
            double[] x = new double[NOISE.length];
            for (int s = 0; s < x.length; s++) {
                x[s] = means[i] + spread * NOISE[(s + 2 * i) % NOISE.length];
            }
            v.put("m" + i, x);
        }
        return Ranking.of(metric, Direction.LOWER_IS_BETTER, v, 500, SeedTree.root(metric.hashCode()));
    }

    private static Consistency assess(Ranking toy, Ranking image) {
        return Consistency.assess(toy, image, toy.bootstrapMeans(500, SeedTree.root(1)),
                image.bootstrapMeans(500, SeedTree.root(2)));
    }

    @Test
    void sameWellSeparatedOrderIsConsistent() {
        Consistency c = assess(ranking("toy", 1, 1, 2, 3), ranking("img", 1, 10, 20, 30));
        assertEquals(Consistency.Verdict.CONSISTENT, c.verdict(), c.reason());
        assertEquals(1, c.kendallTau(), 1e-15);
        assertEquals(1, c.spearmanRho(), 1e-15);
        assertEquals(1, c.agreementProbability(), 1e-15);
    }

    @Test
    void reversedWellSeparatedOrderIsInconsistent() {
        Consistency c = assess(ranking("toy", 1, 1, 2, 3), ranking("img", 1, 30, 20, 10));
        assertEquals(Consistency.Verdict.INCONSISTENT, c.verdict(), c.reason());
        assertEquals(-1, c.kendallTau(), 1e-15);
        assertEquals(0, c.agreementProbability(), 1e-15);
    }

    /** Image scores within each other's noise: no pair separated, whatever the point order. */
    @Test
    void unseparatedImageScoresAreInconclusive() {
        Ranking image = ranking("img", 100, 10, 10.01, 10.02);
        assertTrue(!image.anySeparated());
        Consistency c = assess(ranking("toy", 1, 1, 2, 3), image);
        assertEquals(Consistency.Verdict.INCONCLUSIVE, c.verdict(), c.reason());
        assertTrue(c.reason().startsWith("image scores not separated"), c.reason());
    }

    /**
     * Toy scores within each other's noise (every model at toy rank 1): tau is undefined, and the verdict
     * is inconclusive even when the toy means happen to be in the reverse order of the image ranking (the
     * stress run's case, where the reversed means gave p(agree) = 0.04).
     */
    @Test
    void toyScoresThatTieEveryModelAreInconclusive() {
        Ranking toy = ranking("toy", 100, 3, 2.99, 2.98);
        assertTrue(!toy.anySeparated());
        Consistency c = assess(toy, ranking("img", 1, 10, 20, 30));
        assertTrue(Double.isNaN(c.kendallTau()));
        assertEquals(Consistency.Verdict.INCONCLUSIVE, c.verdict(), c.reason());
        assertTrue(c.reason().startsWith("toy scores not separated"), c.reason());
    }

    /**
     * Separated rankings in the same order (tau = 1) but replicates constructed so that the image order
     * reverses in half of them: p(agree) = 0.5 lies between the thresholds, so the verdict is inconclusive;
     * with 95 of 100 agreeing it is consistent, with tau = -1 and 5 of 100 agreeing inconsistent.
     */
    @Test
    void theRuleOnConstructedReplicates() {
        Ranking toy = ranking("toy", 1, 1, 2, 3);
        Ranking image = ranking("img", 1, 10, 20, 30);
        Ranking reversed = ranking("img", 1, 30, 20, 10);
        Map<String, double[]> toyReps = constant(100, 1, 2, 3);
        assertEquals(Consistency.Verdict.INCONCLUSIVE, Consistency.assess(toy, image, toyReps,
                flipped(100, 50)).verdict());
        assertEquals(Consistency.Verdict.CONSISTENT, Consistency.assess(toy, image, toyReps,
                flipped(100, 5)).verdict());
        Consistency c = Consistency.assess(toy, reversed, toyReps, flipped(100, 95));
        assertEquals(0.05, c.agreementProbability(), 1e-15);
        assertEquals(Consistency.Verdict.INCONSISTENT, c.verdict(), c.reason());
        assertEquals(Consistency.Verdict.INCONCLUSIVE, Consistency.assess(toy, reversed, toyReps,
                flipped(100, 80)).verdict());
    }

    private static Map<String, double[]> constant(int reps, double... values) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            double[] r = new double[reps];
            java.util.Arrays.fill(r, values[i]);
            out.put("m" + i, r);
        }
        return out;
    }

    /** Replicates ordered m0 < m1 < m2, except the first {@code flips} which are reversed. */
    private static Map<String, double[]> flipped(int reps, int flips) {
        Map<String, double[]> out = constant(reps, 1, 2, 3);
        for (int r = 0; r < flips; r++) {
            out.get("m0")[r] = 3;
            out.get("m2")[r] = 1;
        }
        return out;
    }
}
