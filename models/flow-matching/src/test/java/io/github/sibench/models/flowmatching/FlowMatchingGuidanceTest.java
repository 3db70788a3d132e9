package io.github.sibench.models.flowmatching;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import org.junit.jupiter.api.Test;

/** Class-conditional flow matching on the two-blob toy: guidance puts the samples in the requested blob. */
class FlowMatchingGuidanceTest {

    private static double fractionLeft(float[] xy) {
        int left = 0;
        for (int i = 0; i < xy.length; i += 2) {
            left += xy[i] < 0 ? 1 : 0;
        }
        return left * 2.0 / xy.length;
    }

    @Test
    void guidedSamplesLandInTheRequestedClass() {
        int n = 1000;
        SamplerSpec heun = SamplerSpec.of("heun", 20);
        try (FlowMatchingModel m = new FlowMatchingModel(FlowMatchingConfig.defaults(),
                        new ModelContext(2, 2, ToyTraining.TINY, 3, "cpu"));
                NDManager nd = NDManager.newBaseManager()) {
            m.train(ToyTraining.data(2000, 1), ToyTraining.training(600), (a, b, c, d) -> {});
            double uncond = fractionLeft(m.generate(heun, n, Guidance.NONE, 7, nd).x().toFloatArray());
            double left = fractionLeft(m.generate(heun, n, Guidance.of(new int[n], 2), 7, nd).x().toFloatArray());
            int[] ones = new int[n];
            java.util.Arrays.fill(ones, 1);
            double right = fractionLeft(m.generate(heun, n, Guidance.of(ones, 2), 7, nd).x().toFloatArray());
            System.out.printf("flow matching CFG: left fraction unconditional %.3f, class 0 %.3f, class 1 %.3f%n",
                    uncond, left, right);
            // the blobs have equal mass: unconditional sampling puts about half on each side
            assertTrue(Math.abs(uncond - 0.5) < 0.1, "unconditional left fraction " + uncond);
            assertTrue(left > 0.95, "class 0 (left blob) with w = 2: " + left);
            assertTrue(right < 0.05, "class 1 (right blob) with w = 2: " + right);
        }
    }

    @Test
    void unconditionalModelRefusesClasses() {
        try (FlowMatchingModel m = new FlowMatchingModel(FlowMatchingConfig.defaults(),
                        new ModelContext(2, 0, ToyTraining.TINY, 3, "cpu"));
                NDManager nd = NDManager.newBaseManager()) {
            assertThrows(UnsupportedOperationException.class,
                    () -> m.generate(SamplerSpec.of("euler", 2), 4, Guidance.of(new int[4], 2), 1, nd));
        }
    }
}
