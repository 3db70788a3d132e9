package io.github.sibench.models.edm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EdmPreconditioningTest {

    private static final double[] SIGMAS = {0.002, 0.5, 3, 80};

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void matchesTheEdmFormulasOfTable1() {
        for (double sd : new double[] {0.5, 1.3}) {
            EdmPreconditioning p = new EdmPreconditioning(sd);
            for (double s : SIGMAS) {
                String at = " at sigma = " + s + ", sd = " + sd;
                close(sd * sd / (s * s + sd * sd), p.cSkip(s), "c_skip" + at);
                close(s * sd / Math.sqrt(s * s + sd * sd), p.cOut(s), "c_out" + at);
                close(1 / Math.sqrt(s * s + sd * sd), p.cIn(s), "c_in" + at);
                close(0.25 * Math.log(s), p.cNoise(s), "c_noise" + at);
                close((s * s + sd * sd) / ((s * sd) * (s * sd)), p.lossWeight(s), "lambda" + at);
            }
            close(0.5, p.cSkip(sd), "c_skip(sd) = 1/2");
            close(sd / Math.sqrt(2), p.cOut(sd), "c_out(sd) = sd / sqrt 2");
            close(0, p.cNoise(1), "c_noise(1) = 0");
        }
    }

    @Test
    void spotValuesAtTheEdmDefaults() {
        EdmPreconditioning p = new EdmPreconditioning(0.5);
        // hand-computed: sigma = 3, sd = 0.5: sigma^2 + sd^2 = 9.25
        assertEquals(0.25 / 9.25, p.cSkip(3), 1e-15);
        assertEquals(1.5 / Math.sqrt(9.25), p.cOut(3), 1e-15);
        assertEquals(0.328797974610715, p.cIn(3), 1e-12);
        assertEquals(0.274653072167027, p.cNoise(3), 1e-12);
        assertEquals(9.25 / 2.25, p.lossWeight(3), 1e-12);
        // sigma_max = 80: c_skip tiny, c_out close to sd; sigma_min = 0.002: c_skip close to 1, c_out close to sigma
        assertTrue(p.cSkip(80) < 4e-5 && Math.abs(p.cOut(80) - 0.5) < 1e-4);
        assertTrue(Math.abs(p.cSkip(0.002) - 1) < 2e-5 && Math.abs(p.cOut(0.002) - 0.002) < 1e-7);
    }

    /**
     * The effective training target {@code (x0 - c_skip (x0 + sigma n)) / c_out} has unit variance when x0
     * has mean 0 and standard deviation sd, and {@code lambda c_out^2 = 1} (the two loss forms agree).
     */
    @Test
    void effectiveTargetHasUnitVarianceAndLambdaIsOneOverCOutSquared() {
        for (double sd : new double[] {0.5, 1.3}) {
            EdmPreconditioning p = new EdmPreconditioning(sd);
            for (double s : SIGMAS) {
                double a = (1 - p.cSkip(s)) / p.cOut(s);
                double b = -p.cSkip(s) * s / p.cOut(s);
                close(1, a * a * sd * sd + b * b, "Var of the effective target at sigma = " + s);
                close(1, p.lossWeight(s) * p.cOut(s) * p.cOut(s), "lambda c_out^2 at sigma = " + s);
                // c_in x has unit variance: c_in^2 (sd^2 + sigma^2) = 1
                close(1, p.cIn(s) * p.cIn(s) * (sd * sd + s * s), "Var of c_in x at sigma = " + s);
            }
            // Monte Carlo with the formulas as written, at sigma = 3
            SplittableRandom rng = new SplittableRandom(7);
            int n = 200_000;
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                double x0 = sd * rng.nextGaussian();
                double x = x0 + 3 * rng.nextGaussian();
                double target = (x0 - p.cSkip(3) * x) / p.cOut(3);
                sum += target;
                sum2 += target * target;
            }
            double var = sum2 / n - (sum / n) * (sum / n);
            assertEquals(1, var, 0.02, "sampled variance of the effective target, sd = " + sd);
        }
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> new EdmPreconditioning(0));
        assertThrows(IllegalArgumentException.class, () -> new EdmPreconditioning(Double.NaN));
        EdmPreconditioning p = new EdmPreconditioning(0.5);
        assertThrows(IllegalArgumentException.class, () -> p.cSkip(-1));
        assertThrows(IllegalArgumentException.class, () -> p.cOut(Double.POSITIVE_INFINITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.cNoise(0));
        assertTrue(e.getMessage().contains("sigma > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.lossWeight(0));
        close(1, p.cSkip(0), "c_skip(0) = 1");
        close(0, p.cOut(0), "c_out(0) = 0");
    }
}
