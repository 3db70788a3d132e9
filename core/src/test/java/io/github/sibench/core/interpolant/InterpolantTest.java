package io.github.sibench.core.interpolant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolantTest {

    static Stream<Interpolant> all() {
        return Stream.of(new LinearInterpolant(), new TrigonometricInterpolant(), new StochasticInterpolant(1.0),
                new StochasticInterpolant(0.3), new VpInterpolant(), new VpInterpolant(0.5, 5), new VeInterpolant(),
                new VeInterpolant(2));
    }

    @ParameterizedTest
    @MethodSource("all")
    void dataEndpointAtZero(Interpolant it) {
        Coefficients c = it.at(0);
        assertEquals(1, c.alpha(), 1e-15);
        assertEquals(0, c.beta(), 1e-15);
        assertEquals(0, c.gamma(), 1e-15);
        assertEquals(0, c.noiseStd(), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("all")
    void noiseEndpointAtOne(Interpolant it) {
        Coefficients c = it.at(1);
        assertEquals(0, c.gamma(), 1e-15);
        if (it instanceof VeInterpolant ve) {
            // VE keeps the data with weight 1 and noise of scale sigma_max at t = 1.
            assertEquals(1, c.alpha(), 0);
            assertEquals(ve.sigmaMax(), c.beta(), 0);
        } else if (it instanceof VpInterpolant vp) {
            // VP reaches alpha(1) = exp(-B(1)/2), small but not zero, and stays variance preserving.
            assertEquals(Math.exp(-vp.integratedBeta(1) / 2), c.alpha(), 1e-15);
            assertEquals(1, c.alpha() * c.alpha() + c.beta() * c.beta(), 1e-12);
        } else {
            assertEquals(0, c.alpha(), 1e-15);
            assertEquals(1, c.beta(), 1e-15);
        }
        assertEquals(c.noiseStd(), it.noiseScaleAtOne(), 0);
    }

    /** Central differences of alpha, beta, gamma and s^2/2 against the analytic derivatives. */
    @ParameterizedTest
    @MethodSource("all")
    void derivativesMatchFiniteDifferences(Interpolant it) {
        double h = 1e-6;
        for (double t : new double[] {0.01, 0.1, 0.25, 0.5, 0.77, 0.95, 0.99}) {
            Coefficients c = it.at(t);
            Coefficients p = it.at(t + h);
            Coefficients m = it.at(t - h);
            double scale = 1 + Math.abs(c.betaDot());
            assertEquals((p.alpha() - m.alpha()) / (2 * h), c.alphaDot(), 1e-6 * scale, it + " alpha' at " + t);
            assertEquals((p.beta() - m.beta()) / (2 * h), c.betaDot(), 1e-6 * scale, it + " beta' at " + t);
            assertEquals((p.gamma() - m.gamma()) / (2 * h), c.gammaDot(), 1e-5 * (1 + Math.abs(c.gammaDot())),
                    it + " gamma' at " + t);
            assertEquals((p.noiseVariance() - m.noiseVariance()) / (4 * h), c.halfNoiseVarianceDot(), 1e-6 * scale,
                    it + " s s' at " + t);
        }
    }

    @Test
    void stochasticInterpolantEndpointsKeepFiniteNoiseVarianceDerivative() {
        StochasticInterpolant si = new StochasticInterpolant(2);
        assertEquals(Double.POSITIVE_INFINITY, si.at(0).gammaDot());
        assertEquals(Double.NEGATIVE_INFINITY, si.at(1).gammaDot());
        assertEquals(1.0, si.at(0).halfNoiseVarianceDot(), 1e-15); // t + a (1 - 2t) / 2 at t = 0
        assertEquals(0.0, si.at(1).halfNoiseVarianceDot(), 1e-15);
        assertEquals(Math.sqrt(2 * 0.5 * 0.5), si.at(0.5).gamma(), 1e-15);
    }

    @Test
    void vpStartsWithFiniteNoiseVarianceDerivative() {
        VpInterpolant vp = new VpInterpolant();
        assertEquals(Double.POSITIVE_INFINITY, vp.at(0).betaDot());
        assertEquals(vp.betaMin() / 2, vp.at(0).halfNoiseVarianceDot(), 1e-15);
    }

    @Test
    void veTimeOfInvertsSigma() {
        VeInterpolant ve = new VeInterpolant(80);
        for (double s : List.of(0.002, 0.5, 3.0, 79.9)) {
            assertEquals(s, ve.sigma(ve.timeOf(s)), 1e-12);
        }
        assertEquals(1, ve.timeOf(1e6), 0);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StochasticInterpolant(0));
        assertThrows(IllegalArgumentException.class, () -> new StochasticInterpolant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new VpInterpolant(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new VeInterpolant(-1));
    }
}
