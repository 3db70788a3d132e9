package io.github.sibench.models.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierFreeTest {

    /** A label-dependent toy network: f(x, t, label) = x * (1 + label . v) + t, v = (1, 2, 3, -1). */
    private static NDArray net(NDArray x, NDArray t, NDArray label) {
        NDArray v = x.getManager().create(new float[] {1, 2, 3, -1}, new Shape(4, 1));
        return x.mul(label.matMul(v).add(1)).add(t);
    }

    @Test
    void weightsZeroOneAndTwoGiveNullConditionalAndExtrapolation() {
        try (NDManager m = NDManager.newBaseManager()) {
            int[] labels = {0, 2, 1};
            NDArray x = m.create(new float[] {1, -2, 0.5f, 3, 2, -1}, new Shape(3, 2));
            NDArray t = m.create(new float[] {0.1f, 0.2f, 0.3f}, new Shape(3, 1));
            NDArray cond = Labels.oneHot(m, labels, 3);
            NDArray uncond = Labels.nullLabels(m, 3, 3);
            float[] c = net(x, t, cond).toFloatArray();
            float[] u = net(x, t, uncond).toFloatArray();
            assertArrayEquals(u, ClassifierFree.bind(ClassifierFreeTest::net, cond, uncond, 0).apply(x, t).toFloatArray());
            assertArrayEquals(c, ClassifierFree.bind(ClassifierFreeTest::net, cond, uncond, 1).apply(x, t).toFloatArray());
            float[] g = ClassifierFree.bind(ClassifierFreeTest::net, cond, uncond, 2).apply(x, t).toFloatArray();
            for (int i = 0; i < g.length; i++) {
                assertEquals(u[i] + 2 * (c[i] - u[i]), g[i], 1e-5);
            }
        }
    }

    @Test
    void oneHotPutsTheNullLabelLastAndDropoutHitsTheRequestedFraction() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, Labels.oneHot(m, new int[] {1, -1}, 2).toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> Labels.oneHot(m, new int[] {2}, 2));
        }
        int n = 100_000;
        int[] dropped = Labels.dropout(new int[n], 0.2, new SplittableRandom(1));
        long nulls = java.util.Arrays.stream(dropped).filter(l -> l == -1).count();
        assertEquals(0.2, nulls / (double) n, 5 * Math.sqrt(0.2 * 0.8 / n));
        assertThrows(IllegalArgumentException.class, () -> Guidance.of(new int[] {-1}, 2));
        assertThrows(IllegalArgumentException.class, () -> Guidance.of(new int[] {0}, -1));
    }
}
