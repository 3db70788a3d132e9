package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterMassTest {

    @Test
    void fractionsCountEachClass() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.25, 0}, ClusterMass.fractions(new int[] {0, 2, 0, 1}, 4), 1e-15);
    }

    @Test
    void totalVariationIsHalfTheL1Distance() {
        double[] w = {0.5, 0.3, 0.2};
        assertEquals(0, ClusterMass.totalVariation(w, w), 0);
        assertEquals(0.5, ClusterMass.totalVariation(new double[] {1, 0, 0}, w), 1e-15);
        assertEquals(0.8, ClusterMass.totalVariation(new double[] {0, 0, 1}, w), 1e-15);
        assertEquals(0.1, ClusterMass.totalVariation(new double[] {0.4, 0.4, 0.2}, w), 1e-15);
    }
}
