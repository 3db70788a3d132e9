package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    /**
     * Reference values of {@code Phi(z) = erfc(-z / sqrt 2) / 2} (C library erfc, double precision): the
     * reference formula matches them to 1e-15 relative, and so does the table within its range.
     */
    @Test
    void matchesKnownValues() {
        double[][] known = {
            {1, 0.8413447460685429}, {2, 0.9772498680518208}, {3, 0.9986501019683699},
            {-1.96, 0.024997895148220435}, {0.5, 0.6914624612740131}, {-0.3, 0.3820885778110474},
            {-5, 2.866515718791946e-07}, {6.5, 0.99999999995984}, {-8, 6.220960574271819e-16}};
        for (double[] k : known) {
            double tol = 2e-15 * k[1];
            assertEquals(k[1], StandardNormal.cdfReference(k[0]), tol, "reference at " + k[0]);
            assertEquals(k[1], StandardNormal.cdf(k[0]), Math.max(tol, 1e-16), "table at " + k[0]);
        }
        assertEquals(0.5, StandardNormal.cdf(0), 0);
    }

    /** Between the table's nodes: symmetry, the density against exp, and Phi' = phi by central differences. */
    @Test
    void tableIsAccurateBetweenNodes() {
        double worstSymmetry = 0;
        double worstPdf = 0;
        double worstDerivative = 0;
        double h = 1e-4;
        for (double z = -8.4; z <= 8.4; z += 0.0013) {
            worstSymmetry = Math.max(worstSymmetry, Math.abs(StandardNormal.cdf(z) + StandardNormal.cdf(-z) - 1));
            double exact = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            worstPdf = Math.max(worstPdf, Math.abs(StandardNormal.pdf(z) - exact));
            double diff = (StandardNormal.cdf(z + h) - StandardNormal.cdf(z - h)) / (2 * h);
            // central difference = phi + h^2 phi''/6 + O(h^4), phi'' = (z^2 - 1) phi; rounding 1e-16 / h = 1e-12
            double leading = h * h / 6 * (z * z - 1) * exact;
            worstDerivative = Math.max(worstDerivative, Math.abs(diff - exact - leading));
        }
        assertTrue(worstSymmetry < 3e-16, "symmetry " + worstSymmetry);
        assertTrue(worstPdf < 2e-16, "pdf " + worstPdf); // phi <= 0.4: two ulps
        assertTrue(worstDerivative < 3e-12, "derivative " + worstDerivative);
        assertEquals(0, StandardNormal.cdf(-9), 0);
        assertEquals(1, StandardNormal.cdf(9), 0);
        assertEquals(0, StandardNormal.pdf(9), 0);
    }
}
