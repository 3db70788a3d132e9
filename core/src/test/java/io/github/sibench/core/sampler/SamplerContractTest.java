package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.ManagedTest;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, NFE counts, validation, data types, integration direction and the input-array contract. */
class SamplerContractTest extends ManagedTest {

    private static final GaussianOracle LINEAR = GaussianFixture.oracle(new LinearInterpolant());



    @Test
    void namesAndNfe() {
        assertEquals(List.of("euler", "heun", "rk4", "dopri5", "em", "edm-heun", "edm-sde"), List.of(
                new Euler(3).name(), new Heun(3).name(), new Rk4(3).name(), new DormandPrince(1e-3, 1e-5).name(),
                new EulerMaruyama(3, 1).name(), new EdmHeun(3).name(), new EdmStochastic(3, 1).name()));
        NDArray x = manager.randomNormal(new Shape(4, 3));
        VectorField f = LINEAR.velocityField();
        assertEquals(7, new Euler(7).sample(f, x, 1, 0).nfe());
        assertEquals(13, new Heun(7).sample(f, x, 1, 0).nfe());
        assertEquals(1, new Heun(1).sample(f, x, 1, 0).nfe());
        assertEquals(28, new Rk4(7).sample(f, x, 1, 0).nfe());
        assertEquals(7, new EulerMaruyama(7, 1).sample(LINEAR.velocityScoreField(), x, 1, 0, TestNoise.of(1)).nfe());
        assertEquals(13, new EdmHeun(7).sample(LINEAR.denoiser(), x, TestNoise.of(1)).nfe());
        assertEquals(13, new EdmStochastic(7, 5).sample(LINEAR.denoiser(), x, TestNoise.of(1)).nfe());
    }

    @Test
    void heunWithOneStepIsEuler() {
        NDArray x = manager.randomNormal(new Shape(8, 3));
        VectorField f = LINEAR.velocityField();
        assertEquals(0, GaussianFixture.rmsDiff(new Heun(1).sample(f, x, 1, 0).x(),
                new Euler(1).sample(f, x, 1, 0).x()), 0);
    }

    @Test
    void rejectsInvalidStepCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Euler(0));
        assertThrows(IllegalArgumentException.class, () -> new Heun(-1));
        assertThrows(IllegalArgumentException.class, () -> new Rk4(0));
        NDArray x = manager.randomNormal(new Shape(2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new Euler(2).sample(LINEAR.velocityField(), x, Double.NaN, 0));
    }

    /** The input is neither closed nor modified; float32 stays float32; works inside a caller's scope. */
    @Test
    void inputIsUntouchedAndTypeIsKept() {
        NDArray x = manager.randomNormal(new Shape(32, 3));
        float[] before = x.toFloatArray();
        List<Samples> all;
        try (NDScope outer = new NDScope()) {
            all = List.of(
                    new Euler(5).sample(LINEAR.velocityField(), x, 1, 0),
                    new Heun(5).sample(LINEAR.velocityField(), x, 1, 0),
                    new Rk4(5).sample(LINEAR.velocityField(), x, 1, 0),
                    new DormandPrince(1e-4, 1e-6).sample(LINEAR.velocityField(), x, 1, 0),
                    new EulerMaruyama(5, 1).sample(LINEAR.velocityScoreField(), x, 1, 0, TestNoise.of(1)),
                    new EdmHeun(5).sample(LINEAR.denoiser(), x, TestNoise.of(1)),
                    new EdmStochastic(5, 3).sample(LINEAR.denoiser(), x, TestNoise.of(1)));
        }
        assertTrue(!x.isReleased());
        assertArrayEquals(before, x.toFloatArray(), 0);
        for (Samples s : all) {
            assertTrue(!s.x().isReleased(), "the result outlives the caller's scope");
            assertEquals(DataType.FLOAT32, s.x().getDataType());
            assertEquals(x.getShape(), s.x().getShape());
            assertTrue(s.x() != x);
        }
    }

    /** A field may return its own input ({@code dx/dt = x}); the samplers must not close it by mistake. */
    @Test
    void fieldReturningItsInputIsSafe() {
        NDArray x = manager.randomNormal(new Shape(8, 3), DataType.FLOAT64);
        VectorField identity = (t, y) -> y;
        try (NDArray expected = x.mul(Math.exp(-1))) {
            for (OdeSampler sampler : List.of(new Heun(200), new Rk4(20), new DormandPrince(1e-8, 1e-10))) {
                Samples s = sampler.sample(identity, x, 1, 0);
                assertTrue(!x.isReleased() && !s.x().isReleased(), sampler.name());
                assertEquals(0, GaussianFixture.rmsDiff(s.x(), expected), 1e-4, sampler.name());
            }
        }
    }

    /** Time may also run forwards: RK4 from 0 to 1 follows the exact flow map. */
    @Test
    void odeRunsForwardInTime() {
        NDArray x0 = LINEAR.sampleMarginal(0, manager.randomNormal(new Shape(64, 3), DataType.FLOAT64));
        Samples s = new Rk4(64).sample(LINEAR.velocityField(), x0, 0, 1);
        assertEquals(0, GaussianFixture.rmsDiff(s.x(), LINEAR.flow(x0, 0, 1)), 1e-8);
    }

    /** Forwards, the EM update is {@code b dt + eps score |dt|}: from data it must reach the t = 1 marginal. */
    @Test
    void sdeRunsForwardInTime() {
        GaussianOracle si = GaussianFixture.oracle(new StochasticInterpolant(1));
        Engine.getInstance().setRandomSeed(41);
        int n = 20_000;
        NDArray x0 = si.sampleMarginal(0, manager.randomNormal(new Shape(n, 3), DataType.FLOAT32));
        Samples s = new EulerMaruyama(500, 1).sample(si.velocityScoreField(), x0, 0, 1, TestNoise.of(1));
        double z = GaussianFixture.maxZ(GaussianFixture.moments(s.x()), si.marginalMean(1),
                si.marginalCovariance(1), 0.01);
        assertTrue(z < 5, "forward em: max z " + z);
    }

    /** EDM scales the normal batch by sigma_0 = 80: with many steps it lands on the exact VE flow of {@code 80 n}. */
    @Test
    void edmStartsFromSigmaMaxTimesTheNormalBatch() {
        GaussianOracle ve = GaussianFixture.oracle(new VeInterpolant(80));
        NDArray n = manager.randomNormal(new Shape(16, 3), DataType.FLOAT64);
        NDArray edm = new EdmHeun(new KarrasSchedule(400)).sample(ve.denoiser(), n, TestNoise.of(1)).x();
        assertEquals(0, GaussianFixture.rmsDiff(edm, ve.flow(n.mul(80), 1, 0)), 1e-4);
    }
}
