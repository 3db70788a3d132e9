package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The cluster coverage count on hand-made fractions. */
class ClusterCoverageTest {

    private static final double[] W = {0.3, 0.4, 0.3};

    @Test
    void countsClassesWithAtLeastHalfTheirWeight() {
        assertEquals(1.0, ClusterCoverage.of(W.clone(), W));
        assertEquals(1.0, ClusterCoverage.of(new double[] {0.15, 0.2, 0.65}, W), "exactly half counts");
        assertEquals(2.0 / 3, ClusterCoverage.of(new double[] {0.14, 0.2, 0.66}, W), 1e-15);
        assertEquals(1.0 / 3, ClusterCoverage.of(new double[] {1, 0, 0}, W), 1e-15);
        assertEquals(0.0, ClusterCoverage.of(new double[] {0, 0, 0}, W), "everything off-support");
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> ClusterCoverage.of(new double[2], W));
    }
}
