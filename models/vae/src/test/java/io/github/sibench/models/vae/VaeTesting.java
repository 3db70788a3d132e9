package io.github.sibench.models.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Test fixtures of the VAE's parts: parameters with chosen values, and densities computed in doubles. */
final class VaeTesting {

    static final double LOG_2PI = Math.log(2 * Math.PI);

    private VaeTesting() {}

    /** Initialises {@code p} on {@code m} and overwrites it with {@code values} (row-major). */
    static void set(NDManager m, Parameter p, float... values) {
        p.initialize(m, DataType.FLOAT32);
        p.getArray().set(values);
    }

    /** A pass without gradients on the CPU reading the parameters' arrays. */
    static Pass inference(NDManager m) {
        return Pass.inference(m, Device.cpu());
    }

    /** Standard normal draws from a Java generator seeded with {@code seed}. */
    static StandardNormal normal(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return (m, rows, cols) -> {
            float[] v = new float[rows * cols];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rng.nextGaussian();
            }
            return m.create(v, new Shape(rows, cols));
        };
    }

    /** {@code log N(z; mean, diag exp(logVar))} in doubles. */
    static double logNormal(double[] z, double[] mean, double[] logVar) {
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            double diff = z[j] - mean[j];
            sum += -0.5 * (LOG_2PI + logVar[j] + diff * diff / Math.exp(logVar[j]));
        }
        return sum;
    }

    static double logSumExp(double[] a) {
        double max = Arrays.stream(a).max().orElseThrow();
        double sum = 0;
        for (double v : a) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** Row i of a row-major (rows, cols) float matrix, in doubles. */
    static double[] row(float[] a, int i, int cols) {
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = a[i * cols + j];
        }
        return r;
    }

    /** |expected - actual| <= 1e-5 max(1, |expected|): float32 rounding of a few dozen ops. */
    static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-5 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }
}
