package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.ManagedTest;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.TrigonometricInterpolant;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order of accuracy of the fixed-step ODE samplers: RMS error against the oracle's exact flow map from t = 1
 * to 0 for the same start points, in float64, as the step count doubles; the least-squares slope of
 * log(error) against log(h) must be the scheme's order.
 *
 * <p>For a full-rank Gaussian the linear and trigonometric velocities are smooth on [0, 1]: per eigen-direction
 * the coefficient {@code (alpha alpha' lambda + beta beta') / (alpha^2 lambda + beta^2)} has a denominator
 * bounded below by {@code min(lambda, 1) / 2} (linear) or {@code min(lambda, 1)} (trigonometric).
 */
class ConvergenceOrderTest extends ManagedTest {

    static Stream<Arguments> cases() {
        IntFunction<FixedStepOdeSampler> euler = Euler::new;
        IntFunction<FixedStepOdeSampler> heun = Heun::new;
        IntFunction<FixedStepOdeSampler> rk4 = Rk4::new;
        Stream.Builder<Arguments> b = Stream.builder();
        for (Interpolant interpolant : new Interpolant[] {new LinearInterpolant(), new TrigonometricInterpolant()}) {
            b.add(Arguments.of(interpolant, "euler", euler, new int[] {8, 16, 32, 64}, 1.0));
            b.add(Arguments.of(interpolant, "heun", heun, new int[] {8, 16, 32, 64}, 2.0));
            b.add(Arguments.of(interpolant, "rk4", rk4, new int[] {16, 32, 64, 128}, 4.0));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void measuredOrderMatchesTheScheme(
            Interpolant interpolant, String name, IntFunction<FixedStepOdeSampler> sampler, int[] steps,
            double order) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        Engine.getInstance().setRandomSeed(5);
        NDArray x1 = oracle.sampleMarginal(1, manager.randomNormal(new Shape(256, 3), DataType.FLOAT64));
        NDArray exact = oracle.flow(x1, 1, 0);
        double[] logH = new double[steps.length];
        double[] logErr = new double[steps.length];
        StringBuilder errors = new StringBuilder();
        for (int k = 0; k < steps.length; k++) {
            Samples s = sampler.apply(steps[k]).sample(oracle.velocityField(), x1, 1, 0);
            double err = GaussianFixture.rmsDiff(s.x(), exact);
            s.x().close();
            logH[k] = Math.log(1.0 / steps[k]);
            logErr[k] = Math.log(err);
            errors.append(String.format(" N=%d:%.3e", steps[k], err));
        }
        double slope = slope(logH, logErr);
        System.out.printf("convergence order %-5s on %-13s: %.3f (expected %.0f)%s%n",
                name, interpolant.name(), slope, order, errors);
        assertEquals(order, slope, 0.3, name + " on " + interpolant.name() + ":" + errors);
    }

    /** Least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
