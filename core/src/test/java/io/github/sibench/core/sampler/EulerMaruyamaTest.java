package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.SharedManagerTest;
import io.github.sibench.core.field.Drift;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.field.VelocityScoreField;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDE sampler with exact velocity and score must keep the interpolant's marginals for every eps, so from
 * exact t = 1 samples it must land on the data moments (n = 20,000, 500 steps); the sign of the score term
 * is checked by a negative control that flips it and must miss by far.
 */
class EulerMaruyamaTest extends SharedManagerTest {

    private static final int N = 20_000;
    private static final int STEPS = 500;
    /**
     * Allowance for the weak-order-1 discretisation bias on each moment: with n = 10^6 and 500 steps the
     * four cases below missed the exact moments by at most 0.005 (about 2 standard errors at that n, so the
     * bias itself is smaller); 0.01 is twice that and a tenth of the 5-se tolerance at n = 20,000.
     */
    private static final double ALLOWANCE = 0.01;


    static Stream<Arguments> cases() {
        DoubleUnaryOperator constant = t -> 1;
        DoubleUnaryOperator varying = t -> 2 * t;
        return Stream.of(
                Arguments.of(new StochasticInterpolant(1), "1", constant),
                Arguments.of(new StochasticInterpolant(1), "2t", varying),
                Arguments.of(new LinearInterpolant(), "1", constant),
                Arguments.of(new LinearInterpolant(), "2t", varying));
    }

    private static double run(GaussianOracle oracle, VelocityScoreField field, DoubleUnaryOperator eps, int seed) {
        try (NDManager sub = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(seed);
            NDArray x1 = oracle.sampleMarginal(1, sub.randomNormal(new Shape(N, 3), DataType.FLOAT32));
            Samples s = new EulerMaruyama(STEPS, eps, true).sample(field, x1, 1, 0, TestNoise.of(1));
            assertEquals(STEPS, s.nfe());
            return GaussianFixture.maxZ(GaussianFixture.moments(s.x()), GaussianFixture.MEAN,
                    GaussianFixture.covariance(), ALLOWANCE);
        }
    }

    @ParameterizedTest(name = "{0}, eps(t) = {1}")
    @MethodSource("cases")
    void keepsTheMarginalsAndTheWrongSignDoesNot(Interpolant interpolant, String label, DoubleUnaryOperator eps) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double z = run(oracle, oracle.velocityScoreField(), eps, 23);
        // negative control: drift b + eps score instead of b - eps score (backward in time)
        VelocityScoreField flipped = (t, x) -> {
            Drift d = oracle.velocityScoreField().at(t, x);
            return new Drift(d.velocity(), d.score().neg());
        };
        double zWrong = run(oracle, flipped, eps, 23);
        System.out.printf("em on %-6s eps(t) = %-2s: max z %.2f (after allowance %.2f), wrong sign %.1f%n",
                interpolant.name(), label, z, ALLOWANCE, zWrong);
        assertTrue(z < 5, interpolant.name() + " eps " + label + ": max z " + z);
        assertTrue(zWrong > 50, "the check must tell the signs apart: wrong-sign max z " + zWrong);
    }

    @Test
    void zeroDiffusionIsEulerOnTheVelocity() {
        GaussianOracle oracle = GaussianFixture.oracle(new StochasticInterpolant(1));
        NDArray x1 = manager.randomNormal(new Shape(64, 3));
        Samples em = new EulerMaruyama(50, 0).sample(oracle.velocityScoreField(), x1, 1, 0, TestNoise.of(1));
        Samples euler = new Euler(50).sample(oracle.velocityField(), x1, 1, 0);
        assertEquals(euler.nfe(), em.nfe());
        assertEquals(0, GaussianFixture.rmsDiff(em.x(), euler.x()), 1e-6);
    }

    @Test
    void rejectsNegativeDiffusion() {
        GaussianOracle oracle = GaussianFixture.oracle(new LinearInterpolant());
        try (NDManager sub = manager.newSubManager()) {
            NDArray x1 = sub.randomNormal(new Shape(8, 3));
            EulerMaruyama bad = new EulerMaruyama(10, t -> t - 0.5, false);
            assertThrows(IllegalArgumentException.class, () -> bad.sample(oracle.velocityScoreField(), x1, 1, 0, TestNoise.of(1)));
            assertEquals(1, sub.getManagedArrays().size(), "nothing leaks on failure");
        }
        assertThrows(IllegalArgumentException.class, () -> new EulerMaruyama(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new EulerMaruyama(10, null, true));
    }
}
