package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.ManagedTest;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.field.VelocityScoreField;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Native memory stays flat: the number of live arrays on the batch's manager, sampled at every field call,
 * does not grow with the step count, and after the run only the input and the result are left (float64
 * batch, so that dopri5 can be run at tolerances tight enough to take many steps).
 */
class MemoryTest extends ManagedTest {

    private static final GaussianOracle SI = GaussianFixture.oracle(new StochasticInterpolant(1));
    private static final GaussianOracle VE = GaussianFixture.oracle(new VeInterpolant(80));



    /** Wraps the oracle's fields so that every call records the live-array count of {@code sub}. */
    static final class Probe {
        final NDManager sub;
        int maxLive;
        int calls;

        Probe(NDManager sub) {
            this.sub = sub;
        }

        private void record() {
            calls++;
            maxLive = Math.max(maxLive, sub.getManagedArrays().size());
        }

        VectorField velocity() {
            return (t, x) -> {
                record();
                return SI.velocity(t, x);
            };
        }

        VelocityScoreField velocityScore() {
            return (t, x) -> {
                record();
                return SI.velocityScoreField().at(t, x);
            };
        }

        Denoiser denoiser() {
            return (x, sigma) -> {
                record();
                return VE.denoise(x, sigma);
            };
        }
    }

    /** A sampler run at a given size (steps, or tolerance exponent for dopri5). */
    interface Run {
        Samples apply(Probe probe, NDArray x, int size);
    }

    static Stream<Arguments> cases() {
        IntFunction<OdeSampler> euler = Euler::new;
        IntFunction<OdeSampler> heun = Heun::new;
        IntFunction<OdeSampler> rk4 = Rk4::new;
        IntFunction<OdeSampler> dopri = k -> new DormandPrince(Math.pow(10, -k), Math.pow(10, -k));
        return Stream.of(
                Arguments.of("euler", ode(euler), 10, 1000),
                Arguments.of("heun", ode(heun), 10, 500),
                Arguments.of("rk4", ode(rk4), 10, 250),
                Arguments.of("dopri5", ode(dopri), 2, 10),
                Arguments.of("em", (Run) (p, x, n) -> new EulerMaruyama(n, 1).sample(p.velocityScore(), x, 1, 0, TestNoise.of(1)), 10, 1000),
                Arguments.of("edm-heun", (Run) (p, x, n) -> new EdmHeun(n).sample(p.denoiser(), x, TestNoise.of(1)), 10, 500),
                Arguments.of("edm-sde", (Run) (p, x, n) -> new EdmStochastic(n, 10).sample(p.denoiser(), x, TestNoise.of(1)), 10, 500));
    }

    private static Run ode(IntFunction<OdeSampler> sampler) {
        return (p, x, n) -> sampler.apply(n).sample(p.velocity(), x, 1, 0);
    }

    private Probe measure(Run run, int size) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.randomNormal(new Shape(128, 3), DataType.FLOAT64);
            Probe probe = new Probe(sub);
            Samples s = run.apply(probe, x, size);
            assertEquals(2, sub.getManagedArrays().size(), "only the input and the result are left");
            assertTrue(!x.isReleased() && !s.x().isReleased(), "input and result stay open");
            assertEquals(probe.calls, s.nfe(), "reported NFE = field calls");
            return probe;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void liveArraysDoNotGrowWithTheStepCount(String name, Run run, int small, int large) {
        Probe few = measure(run, small);
        Probe many = measure(run, large);
        System.out.printf("memory %-8s: max live arrays %d over %d calls, %d over %d calls%n",
                name, few.maxLive, few.calls, many.maxLive, many.calls);
        assertTrue(many.calls > 5 * few.calls, "the large run must be much longer");
        assertEquals(few.maxLive, many.maxLive, name + ": live arrays grew with the step count");
    }
}
