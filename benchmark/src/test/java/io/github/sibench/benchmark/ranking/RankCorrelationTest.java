package io.github.sibench.benchmark.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void perfectAgreementAndReversal() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {10, 20, 30, 40, 50};
        double[] r = {5, 4, 3, 2, 1};
        assertEquals(1, RankCorrelation.kendallTauB(a, b), 1e-15);
        assertEquals(1, RankCorrelation.spearmanRho(a, b), 1e-15);
        assertEquals(-1, RankCorrelation.kendallTauB(a, r), 1e-15);
        assertEquals(-1, RankCorrelation.spearmanRho(a, r), 1e-15);
    }

    /**
     * a = (1, 2, 2, 3), b = (1, 3, 2, 2). Pairs: (0,1) C, (0,2) C, (0,3) C, (1,2) tied in a, (1,3) tied in
     * neither: a 2<3, b 3>2 D, (2,3) tied in b. C = 3, D = 1, P = 6, T_a = 1, T_b = 1:
     * tau-b = 2 / sqrt(5 * 5) = 0.4. Average ranks: a (1, 2.5, 2.5, 4), b (1, 4, 2.5, 2.5); centred
     * (-1.5, 0, 0, 1.5) and (-1.5, 1.5, 0, 0): rho = 2.25 / sqrt(4.5 * 4.5) = 0.5.
     */
    @Test
    void handComputedCaseWithTies() {
        double[] a = {1, 2, 2, 3};
        double[] b = {1, 3, 2, 2};
        assertEquals(0.4, RankCorrelation.kendallTauB(a, b), 1e-15);
        assertEquals(0.5, RankCorrelation.spearmanRho(a, b), 1e-15);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.averageRanks(a));
    }

    /** Three models, one tie: a = (1, 1, 3), b = (1, 2, 3): C = 2, D = 0, T_a = 1: 2 / sqrt(2 * 3). */
    @Test
    void competitionRanksWithATie() {
        assertEquals(2 / Math.sqrt(6), RankCorrelation.kendallTauB(new double[] {1, 1, 3}, new double[] {1, 2, 3}),
                1e-15);
        assertTrue(Double.isNaN(RankCorrelation.kendallTauB(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void agreementProbabilityCountsReplicatesWithPositiveTau() {
        // Replicate 0 agrees, 1 is reversed, 2 agrees, 3 all tied on one side (not agreeing).
        double[][] a = {{1, 1, 1, 1}, {2, 2, 2, 1}, {3, 3, 3, 1}};
        double[][] b = {{1, 3, 1, 1}, {2, 2, 3, 2}, {3, 1, 2, 3}};
        assertEquals(0.5, RankCorrelation.agreementProbability(a, b), 1e-15);
    }
}
