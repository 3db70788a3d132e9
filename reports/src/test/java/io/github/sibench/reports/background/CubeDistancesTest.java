package io.github.sibench.reports.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CubeDistancesTest {

    /** In one dimension |x - y| has mean exactly 1/3 (and standard deviation sqrt(1/18)). */
    @Test
    void oneDimensionConvergesToOneThird() {
        int pairs = 200_000;
        CubeDistances.Row row = new CubeDistances(List.of(1), pairs, 3).call().get(0);
        assertEquals(1.0 / 3, row.mean(), 5 * Math.sqrt(1.0 / 18 / pairs));
        assertEquals(Math.sqrt(1.0 / 18 / pairs), row.standardError(), 0.05 * row.standardError());
        assertEquals(1.0 / 3, row.bound(), 1e-15);
    }

    /** The mean never falls below sqrt(d)/3 and its ratio to the bound approaches 3 / sqrt(6). */
    @Test
    void boundHoldsAndRatioApproachesItsLimit() {
        List<CubeDistances.Row> rows = new CubeDistances(List.of(1, 16, 1024), 2000, 5).call();
        for (CubeDistances.Row r : rows) {
            assertTrue(r.mean() >= r.bound() - 5 * r.standardError(), r.toString());
        }
        CubeDistances.Row high = rows.get(2);
        // E|g| -> sqrt(d E g_i^2) = sqrt(d / 6); the correction is O(1/d)
        assertEquals(3 / Math.sqrt(6), high.mean() / high.bound(), 0.01);
    }

    @Test
    void paperTableSpansOneTo4096AndIsReproducible() {
        CubeDistances c = new CubeDistances(List.of(1, 8), 50, 9);
        assertEquals(c.call(), c.call());
        List<Integer> dims = CubeDistances.paper(0).dims();
        assertEquals(1, dims.get(0));
        assertEquals(4096, dims.get(dims.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> new CubeDistances(List.of(0), 10, 1));
    }
}
