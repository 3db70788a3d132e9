package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.SharedManagerTest;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianFixture.Moments;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * EDM Algorithms 1 and 2 with the exact denoiser of Gaussian data (n = 20,000).
 *
 * <p>Step count: on this data EDM-Heun's error against the exact flow is second order, about 1.3e-2 RMS at
 * N = 32 (a covariance bias of 0.036, close to 3 standard errors at this n, and S_churn = 10 about triples
 * it), 3e-3 at N = 64 and 7e-4 at N = 128. The moment tests use N = 128 so the discretisation bias stays
 * below one standard error; the order test uses N = 32, 64, 128.
 */
class EdmSamplerTest extends SharedManagerTest {

    private static final int N = 20_000;
    private static final int STEPS = 128;
    private static final GaussianOracle ORACLE = GaussianFixture.oracle(new VeInterpolant(80));


    /** The oracle denoiser, counting its calls. */
    private static Denoiser counting(AtomicInteger calls) {
        return (x, sigma) -> {
            calls.incrementAndGet();
            return ORACLE.denoise(x, sigma);
        };
    }

    private static NDArray standardNormal(NDManager m, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return m.randomNormal(new Shape(N, 3), DataType.FLOAT32);
    }

    @Test
    void scheduleRunsFromSigmaMaxToZero() {
        KarrasSchedule schedule = new KarrasSchedule(32);
        double[] s = schedule.sigmas();
        assertEquals(32 + 1, s.length);
        assertEquals(80, s[0], 0);
        assertEquals(0.002, s[32 - 1], 1e-15);
        assertEquals(0, s[32], 0);
        for (int i = 0; i < 32; i++) {
            assertTrue(s[i + 1] < s[i], "strictly decreasing at " + i);
        }
        // eq. 5 at i = 10, written out
        double expected = Math.pow(Math.pow(80, 1 / 7.0) + 10.0 / 31 * (Math.pow(0.002, 1 / 7.0)
                - Math.pow(80, 1 / 7.0)), 7);
        assertEquals(expected, s[10], 1e-12);
        assertArrayEquals(new double[] {80, 0}, new KarrasSchedule(1).sigmas(), 0);
    }

    @Test
    void deterministicHeunReproducesTheDataAndFollowsTheExactFlow() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray n = standardNormal(sub, 29);
            AtomicInteger calls = new AtomicInteger();
            Samples s = new EdmHeun(STEPS).sample(counting(calls), n, TestNoise.of(1));
            assertEquals(2 * STEPS - 1, s.nfe());
            assertEquals(2 * STEPS - 1, calls.get());
            Moments got = GaussianFixture.moments(s.x());
            double z = GaussianFixture.maxZ(got, GaussianFixture.MEAN, GaussianFixture.covariance(), 0);
            // the exact probability-flow ODE from the same start points sigma_0 n at sigma = 80 (t = 1)
            NDArray start = n.mul(80);
            double gap = GaussianFixture.maxMomentGap(got, GaussianFixture.moments(ORACLE.flow(start, 1, 0)));
            double seFloor = Math.sqrt(GaussianFixture.EIGENVALUES[0] / N);
            System.out.printf("edm-heun N=%d: max z %.2f, gap to exact flow %.2e (se floor %.1e)%n",
                    STEPS, z, gap, seFloor);
            assertTrue(z < 5, "max z " + z);
            assertTrue(gap < seFloor, "discretisation gap " + gap);
        }
    }

    @Test
    void heunIsSecondOrderInTheNumberOfSteps() {
        try (NDManager sub = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(37);
            NDArray n = sub.randomNormal(new Shape(256, 3), DataType.FLOAT64);
            NDArray exact = ORACLE.flow(n.mul(80), 1, 0);
            int[] steps = {32, 64, 128};
            double[] logH = new double[steps.length];
            double[] logErr = new double[steps.length];
            StringBuilder errors = new StringBuilder();
            for (int k = 0; k < steps.length; k++) {
                double err = GaussianFixture.rmsDiff(new EdmHeun(steps[k]).sample(ORACLE.denoiser(), n, TestNoise.of(1)).x(), exact);
                logH[k] = Math.log(1.0 / steps[k]);
                logErr[k] = Math.log(err);
                errors.append(String.format(" N=%d:%.3e", steps[k], err));
            }
            double slope = ConvergenceOrderTest.slope(logH, logErr);
            System.out.printf("convergence order edm-heun on ve (Karras steps): %.3f (expected 2)%s%n", slope, errors);
            assertEquals(2, slope, 0.3, errors.toString());
        }
    }

    @Test
    void stochasticSamplerWithChurnReproducesTheData() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray n = standardNormal(sub, 31);
            AtomicInteger calls = new AtomicInteger();
            Samples s = new EdmStochastic(STEPS, 10).sample(counting(calls), n, TestNoise.of(1));
            assertEquals(2 * STEPS - 1, s.nfe());
            assertEquals(2 * STEPS - 1, calls.get());
            double z = GaussianFixture.maxZ(GaussianFixture.moments(s.x()), GaussianFixture.MEAN,
                    GaussianFixture.covariance(), 0);
            Samples deterministic = new EdmHeun(STEPS).sample(ORACLE.denoiser(), n, TestNoise.of(1));
            double moved = GaussianFixture.rmsDiff(s.x(), deterministic.x());
            System.out.printf("edm-sde N=%d S_churn=10: max z %.2f, rms distance to edm-heun %.3f%n", STEPS, z, moved);
            assertTrue(z < 5, "max z " + z);
            assertTrue(moved > 0.1, "churn must actually add noise: " + moved);
        }
    }

    @Test
    void churnOutsideItsNoiseRangeIsAlgorithmOne() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray n = sub.randomNormal(new Shape(64, 3));
            KarrasSchedule schedule = new KarrasSchedule(8);
            Samples outside = new EdmStochastic(schedule, 40, 100, 200, 1.003).sample(ORACLE.denoiser(), n, TestNoise.of(1));
            Samples plain = new EdmHeun(schedule).sample(ORACLE.denoiser(), n, TestNoise.of(1));
            assertEquals(0, GaussianFixture.rmsDiff(outside.x(), plain.x()), 0);
            Samples inside = new EdmStochastic(schedule, 40, 0.05, 50, 1.003).sample(ORACLE.denoiser(), n, TestNoise.of(1));
            assertTrue(GaussianFixture.rmsDiff(inside.x(), plain.x()) > 0);
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new KarrasSchedule(0));
        assertThrows(IllegalArgumentException.class, () -> new KarrasSchedule(10, 1, 0.5, 7));
        assertThrows(IllegalArgumentException.class, () -> new KarrasSchedule(10, 0, 80, 7));
        KarrasSchedule ok = new KarrasSchedule(10);
        assertThrows(IllegalArgumentException.class, () -> new EdmStochastic(ok, -1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new EdmStochastic(ok, 1, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new EdmStochastic(ok, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new EdmHeun((KarrasSchedule) null));
    }
}
