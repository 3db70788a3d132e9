package io.github.sibench.models.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroupNormTest {

    @Test
    void matchesPerGroupMeanAndVarianceComputedInJava() {
        int b = 2;
        int c = 8;
        int g = 4;
        int hw = 5;
        SplittableRandom rng = new SplittableRandom(11);
        float[] x = new float[b * c * hw];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 + 2 * rng.nextGaussian());
        }
        float[] gamma = new float[c];
        float[] beta = new float[c];
        for (int i = 0; i < c; i++) {
            gamma[i] = (float) (0.5 + rng.nextDouble());
            beta[i] = (float) rng.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            GroupNorm norm = new GroupNorm(g, c);
            norm.initialize(m, DataType.FLOAT32, new Shape(b, c, 1, hw));
            norm.getParameters().get("gamma").getArray().set(gamma);
            norm.getParameters().get("beta").getArray().set(beta);
            NDArray in = m.create(x, new Shape(b, c, 1, hw));
            float[] y = norm.forward(new ParameterStore(m, false), new NDList(in), false)
                    .singletonOrThrow().toFloatArray();
            int per = c / g * hw;
            for (int s = 0; s < b; s++) {
                for (int q = 0; q < g; q++) {
                    int start = (s * c + q * (c / g)) * hw;
                    double mean = 0;
                    for (int i = 0; i < per; i++) {
                        mean += x[start + i];
                    }
                    mean /= per;
                    double var = 0;
                    for (int i = 0; i < per; i++) {
                        var += (x[start + i] - mean) * (x[start + i] - mean);
                    }
                    var /= per;
                    for (int i = 0; i < per; i++) {
                        int ch = q * (c / g) + i / hw;
                        double expected = gamma[ch] * (x[start + i] - mean) / Math.sqrt(var + GroupNorm.EPS)
                                + beta[ch];
                        assertEquals(expected, y[start + i], 1e-5 * (1 + Math.abs(expected)));
                    }
                }
            }
        }
    }

    @Test
    void rejectsGroupsThatDoNotDivideChannels() {
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm(3, 16));
    }
}
