package io.github.sibench.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.SharedManagerTest;
import io.github.sibench.core.field.GaussianFixture;
import io.github.sibench.core.field.GaussianFixture.Moments;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.interpolant.Interpolant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ODE sampler, started from exact samples of the t = 1 marginal (n = 20,000, float32), must reproduce
 * the data mean and covariance within 5 standard errors, on each interpolant. The step counts are chosen so
 * that the discretisation part of the error, measured against the exact flow map of the same start points,
 * stays below one standard error (also asserted), far below the tolerance.
 */
class OdeSamplerMomentsTest extends SharedManagerTest {

    private static final int N = 20_000;


    static Stream<Arguments> cases() {
        OdeSampler[] samplers = {new Euler(2000), new Heun(80), new Rk4(10), new DormandPrince(1e-4, 1e-6)};
        return GaussianFixture.interpolants().stream()
                .flatMap(i -> Stream.of(samplers).map(s -> Arguments.of(s, i)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void reproducesTheDataMoments(OdeSampler sampler, Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double[][] s = GaussianFixture.covariance();
        try (NDManager sub = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(17);
            NDArray x1 = oracle.sampleMarginal(1, sub.randomNormal(new Shape(N, 3), DataType.FLOAT32));
            Samples out = sampler.sample(oracle.velocityField(), x1, 1, 0);
            assertEquals(DataType.FLOAT32, out.x().getDataType());
            Moments got = GaussianFixture.moments(out.x());
            Moments exact = GaussianFixture.moments(oracle.flow(x1, 1, 0));
            double z = GaussianFixture.maxZ(got, GaussianFixture.MEAN, s, 0);
            // no standard error is below sqrt(lambda_min / n)
            double seFloor = Math.sqrt(GaussianFixture.EIGENVALUES[0] / N);
            double bias = GaussianFixture.maxMomentGap(got, exact);
            System.out.printf("ode moments %-7s on %-13s: max z %.2f, discretisation gap %.2e (se floor %.1e), nfe %d%n",
                    sampler.name(), interpolant.name(), z, bias, seFloor, out.nfe());
            assertTrue(z < 5, sampler.name() + " on " + interpolant.name() + ": max z " + z);
            assertTrue(bias < seFloor, sampler.name() + " on " + interpolant.name() + ": bias " + bias);
        }
    }
}
