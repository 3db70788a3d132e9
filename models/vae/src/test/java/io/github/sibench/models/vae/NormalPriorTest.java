package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.VaeTesting.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalPriorTest {

    /** Points of a 3D latent, one far out. */
    private static final float[] Z = {0, 0, 0, 1, -0.5f, 2, -2, 3, 0.25f, 40, -35, 12};

    @Test
    void logDensityIsTheStandardNormalClosedForm() {
        TopPrior prior = new NormalPrior(3);
        assertTrue(prior.parameters().isEmpty());
        try (NDManager m = NDManager.newBaseManager()) {
            float[] got = prior.logDensity(m.create(Z, new Shape(4, 3)), VaeTesting.inference(m)).toFloatArray();
            assertEquals(4, got.length);
            for (int i = 0; i < 4; i++) {
                double sq = 0;
                for (int j = 0; j < 3; j++) {
                    sq += Z[3 * i + j] * (double) Z[3 * i + j];
                }
                assertClose(-0.5 * sq - 1.5 * Math.log(2 * Math.PI), got[i], "log N(z; 0, I) at point " + i);
            }
        }
    }

    @Test
    void drawsAreTheStandardNormalsItIsGiven() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom unused = new SplittableRandom(1);
            float[] got = new NormalPrior(3).sample(m, 5, unused, VaeTesting.normal(4), VaeTesting.inference(m))
                    .toFloatArray();
            float[] expected = VaeTesting.normal(4).draw(m, 5, 3).toFloatArray();
            assertArrayEquals(expected, got);
            assertEquals(new SplittableRandom(1).nextLong(), unused.nextLong(), "N(0, I) picks no components");
        }
    }
}
