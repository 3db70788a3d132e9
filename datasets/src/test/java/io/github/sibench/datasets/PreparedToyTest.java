package io.github.sibench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.embedding.AmbientEmbedding;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.toys.SeedToy;
import io.github.sibench.datasets.toys.TwoMoons;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PreparedToyTest {

    private static final int D = 12;
    private static final int N = 1000;
    private static final SeedTree DATA = SeedTree.root(7);
    private static final PreparedToy TOY = PreparedToy.prepare(SeedToy.mixture(), AmbientEmbedding.fromSeed(D, 3), N, DATA);

    /** The training points are the toy's draw from the "train" child, embedded and z-scored with the exact moments. */
    @Test
    void trainingSetIsTheEmbeddedDrawOfTheTrainChild() {
        Points expected = SeedToy.mixture().sample(N, DATA.child("train").rng());
        assertArrayEquals(expected.xy(), TOY.trainingPoints().xy());
        assertArrayEquals(expected.labels(), TOY.trainingLabels());
        float[] x = TOY.zScore().apply(TOY.embedding().embed(expected.xy(), N), N);
        assertArrayEquals(x, TOY.trainingX());
        assertTrue(TOY.exactMoments() && TOY.exactClassWeights());
        assertEquals(SeedToy.mixture().exactMoments(), TOY.moments());
        assertArrayEquals(SeedToy.mixture().classWeights(), TOY.classWeights());
        // another data seed, other points; the same seed, the same points
        PreparedToy other = PreparedToy.prepare(SeedToy.mixture(), AmbientEmbedding.fromSeed(D, 3), N, SeedTree.root(8));
        assertFalse(Arrays.equals(other.trainingPoints().xy(), TOY.trainingPoints().xy()));
        PreparedToy same = PreparedToy.prepare(SeedToy.mixture(), AmbientEmbedding.fromSeed(D, 3), N, SeedTree.root(7));
        assertArrayEquals(same.trainingX(), TOY.trainingX());
    }

    /**
     * The mask keeps exactly round(f n) labels, chosen by the node passed in (same node, same mask; other
     * node, other mask), never invents a label, and does not depend on earlier calls.
     */
    @Test
    void maskKeepsTheRequestedFractionFromTheGivenNode() {
        SeedTree node = SeedTree.root(11).child("mask");
        int[] mask = TOY.maskedLabels(0.3, node);
        assertEquals(300, Arrays.stream(mask).filter(l -> l != PreparedToy.NULL_LABEL).count());
        int[] labels = TOY.trainingLabels();
        for (int i = 0; i < N; i++) {
            assertTrue(mask[i] == PreparedToy.NULL_LABEL || mask[i] == labels[i]);
        }
        TOY.drawClasses(100, TOY.classWeights(), SeedTree.root(1));
        assertArrayEquals(mask, TOY.maskedLabels(0.3, node));
        assertFalse(Arrays.equals(mask, TOY.maskedLabels(0.3, SeedTree.root(12).child("mask"))));
        assertArrayEquals(labels, TOY.maskedLabels(1, node));
        assertTrue(Arrays.stream(TOY.maskedLabels(0, node)).allMatch(l -> l == PreparedToy.NULL_LABEL));
        assertThrows(IllegalArgumentException.class, () -> TOY.maskedLabels(1.5, node));
    }

    /** Class draws follow the given probabilities within five binomial standard errors, from the given node. */
    @Test
    void classDrawsFollowTheGivenProbabilities() {
        int n = 60_000;
        double[][] laws = {TOY.classWeights(), {1 / 3.0, 1 / 3.0, 1 / 3.0}, {0, 0.25, 0.75}};
        for (double[] p : laws) {
            int[] classes = TOY.drawClasses(n, p, SeedTree.root(5));
            for (int k = 0; k < 3; k++) {
                int c = k;
                double f = Arrays.stream(classes).filter(l -> l == c).count() / (double) n;
                SampleStatistics.assertFrequency(Math.round(f * n), n, p[k], "class " + k + " of " + Arrays.toString(p));
            }
        }
        assertArrayEquals(TOY.drawClasses(50, laws[1], SeedTree.root(5)), TOY.drawClasses(50, laws[1], SeedTree.root(5)));
        assertNotEquals(Arrays.toString(TOY.drawClasses(50, laws[1], SeedTree.root(5))),
                Arrays.toString(TOY.drawClasses(50, laws[1], SeedTree.root(6))));
        assertThrows(IllegalArgumentException.class, () -> TOY.drawClasses(5, new double[] {0.5, 0.5}, SeedTree.root(1)));
        assertThrows(IllegalArgumentException.class, () -> TOY.drawClasses(5, new double[] {0.5, 0.5, 0.5}, SeedTree.root(1)));
    }

    /**
     * A toy without exact class regions (two moons): class weights are the frequencies of the reference
     * points (1/2 each within binomial error of 200,000 draws), its exact moments are still used.
     */
    @Test
    void estimatesWhatTheToyDoesNotKnow() {
        PreparedToy moons = PreparedToy.prepare(TwoMoons.standard(), AmbientEmbedding.fromSeed(D, 3), 100, DATA);
        assertTrue(moons.exactMoments());
        assertFalse(moons.exactClassWeights());
        double[] w = moons.classWeights();
        SampleStatistics.assertFrequency(Math.round(w[0] * PreparedToy.REFERENCE_SAMPLES), PreparedToy.REFERENCE_SAMPLES,
                0.5, "moon 0 weight");
        assertEquals(1, w[0] + w[1], 1e-12);
    }
}
