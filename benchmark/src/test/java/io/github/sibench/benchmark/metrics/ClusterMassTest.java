package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sibench.datasets.plane.ClassRegions;
import org.junit.jupiter.api.Test;

class ClusterMassTest {

    private static final int OFF = ClassRegions.OFF_SUPPORT;

    @Test
    void fractionsCountEachClassOverAllPoints() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.25, 0}, ClusterMass.fractions(new int[] {0, 2, 0, 1}, 4), 1e-15);
        // off-support points count in no class but in the denominator
        assertArrayEquals(new double[] {0.25, 0, 0.25}, ClusterMass.fractions(new int[] {0, OFF, 2, OFF}, 3), 1e-15);
        assertEquals(0.5, ClusterMass.offSupportFraction(new int[] {0, OFF, 2, OFF}), 1e-15);
        assertEquals(0, ClusterMass.offSupportFraction(new int[] {0, 1}), 0);
    }

    @Test
    void totalVariationIsHalfTheL1Distance() {
        double[] w = {0.5, 0.3, 0.2};
        assertEquals(0, ClusterMass.totalVariation(w, w), 0);
        assertEquals(0.5, ClusterMass.totalVariation(new double[] {1, 0, 0}, w), 1e-15);
        assertEquals(0.8, ClusterMass.totalVariation(new double[] {0, 0, 1}, w), 1e-15);
        assertEquals(0.1, ClusterMass.totalVariation(new double[] {0.4, 0.4, 0.2}, w), 1e-15);
    }

    /** Off-support is one more outcome of true weight 0: everything off-support is at distance 1. */
    @Test
    void offSupportIsOneMoreOutcome() {
        double[] w = {0.5, 0.3, 0.2};
        assertEquals(1, ClusterMass.totalVariation(new double[3], 1, w), 1e-15);
        // (0.4, 0.3, 0.2) plus 0.1 off-support: (0.1 + 0.1) / 2
        assertEquals(0.1, ClusterMass.totalVariation(new double[] {0.4, 0.3, 0.2}, 0.1, w), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ClusterMass.totalVariation(new double[2], 0, w));
    }
}
