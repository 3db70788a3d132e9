package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.ManagedTest;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.VpInterpolant;
import org.junit.jupiter.api.Test;

/** Adaptive Dormand-Prince 5(4) against the exact flow map, in float64. */
class DormandPrinceTest extends ManagedTest {

    @Test
    void errorFollowsTheToleranceAndLooserToleranceCostsFewerEvaluations() {
        for (Interpolant interpolant : new Interpolant[] {new LinearInterpolant(), new VpInterpolant()}) {
            GaussianOracle oracle = GaussianFixture.oracle(interpolant);
            Engine.getInstance().setRandomSeed(3);
            NDArray x1 = oracle.sampleMarginal(1, manager.randomNormal(new Shape(512, 3), DataType.FLOAT64));
            NDArray exact = oracle.flow(x1, 1, 0);
            int previousNfe = 0;
            double previousError = Double.POSITIVE_INFINITY;
            for (double rtol : new double[] {1e-3, 1e-5, 1e-7, 1e-9}) {
                Samples s = new DormandPrince(rtol, rtol / 100).sample(oracle.velocityField(), x1, 1, 0);
                double error = GaussianFixture.rmsDiff(s.x(), exact);
                System.out.printf("dopri5 on %-6s rtol %.0e: rms error %.2e, nfe %d%n",
                        interpolant.name(), rtol, error, s.nfe());
                // |x| is O(1) here and the interval has length 1, so rtol is the scale of the global error
                assertTrue(error < 3 * rtol, interpolant.name() + " rtol " + rtol + ": error " + error);
                assertTrue(error < previousError, "tighter tolerance must be more accurate");
                assertTrue(s.nfe() > previousNfe, "tighter tolerance must cost more NFE");
                assertEquals(1, s.nfe() % 6, "FSAL: 1 + 6 per attempted step");
                previousNfe = s.nfe();
                previousError = error;
                s.x().close();
            }
        }
    }

    @Test
    void maxStepsGuardThrowsAndLeavesNothingBehind() {
        GaussianOracle oracle = GaussianFixture.oracle(new LinearInterpolant());
        try (NDManager sub = manager.newSubManager()) {
            NDArray x1 = sub.randomNormal(new Shape(16, 3));
            DormandPrince tight = new DormandPrince(1e-12, 0, 5);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> tight.sample(oracle.velocityField(), x1, 1, 0));
            assertTrue(e.getMessage().contains("5 step attempts"), e.getMessage());
            assertEquals(1, sub.getManagedArrays().size());
            assertTrue(!x1.isReleased());
        }
    }

    @Test
    void emptyIntervalCostsNothing() {
        GaussianOracle oracle = GaussianFixture.oracle(new LinearInterpolant());
        NDArray x = manager.randomNormal(new Shape(4, 3));
        Samples s = new DormandPrince(1e-5, 1e-7).sample(oracle.velocityField(), x, 0.5, 0.5);
        assertEquals(0, s.nfe());
        assertTrue(s.x() != x);
        assertEquals(0, GaussianFixture.rmsDiff(s.x(), x), 0);
    }

    @Test
    void rejectsInvalidTolerances() {
        assertThrows(IllegalArgumentException.class, () -> new DormandPrince(0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new DormandPrince(1e-5, -1));
        assertThrows(IllegalArgumentException.class, () -> new DormandPrince(1e-5, 1e-7, 0));
    }
}
