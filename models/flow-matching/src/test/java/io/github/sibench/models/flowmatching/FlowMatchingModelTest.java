package io.github.sibench.models.flowmatching;

import io.github.sibench.models.guidance.Guidance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.util.Scoped;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowMatchingModelTest {

    private static FlowMatchingModel model(long seed) {
        return new FlowMatchingModel(FlowMatchingConfig.defaults(), new ModelContext(2, 0, ToyTraining.TINY, seed, "cpu"));
    }

    private static TrainingSet unlabelled() {
        TrainingSet d = ToyTraining.data(2000, 1);
        return TrainingSet.unlabelled(d.x(), d.n(), d.dim());
    }

    @Test
    void shortTrainingBeatsTheUntrainedModel() {
        SamplerSpec heun = SamplerSpec.of("heun", 20);
        try (FlowMatchingModel m = model(3)) {
            double before = ToyTraining.frechet(m, heun, 4000, 5);
            TrainResult r = m.train(unlabelled(), ToyTraining.training(400), (a, b, c, d) -> {});
            double after = ToyTraining.frechet(m, heun, 4000, 5);
            System.out.printf("flow matching: FD before %.4f, after %.4f, final loss %.4f, %.0f steps/s%n",
                    before, after, r.finalLoss(), r.stepsPerSecond());
            assertTrue(before > 0.3, "untrained samples are N(0, I), far from the data: " + before);
            assertTrue(after < before / 5, "training must cut the Frechet distance 5x: " + before + " -> " + after);
            assertTrue(Double.isFinite(r.finalLoss()) && r.finalLoss() > 0);
        }
    }

    @Test
    void sameSeedSameSamples() {
        float[][] out = new float[2][];
        for (int k = 0; k < 2; k++) {
            try (FlowMatchingModel m = model(9); var nd = ai.djl.ndarray.NDManager.newBaseManager()) {
                m.train(unlabelled(), ToyTraining.training(30), (a, b, c, d) -> {});
                out[k] = m.generate(SamplerSpec.of("euler", 5), 50, Guidance.NONE, 4, nd).x().toFloatArray();
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(out[0], out[1]);
    }

    @Test
    void memoryStaysFlatOverTraining() {
        List<Integer> live = new ArrayList<>();
        try (FlowMatchingModel m = model(1)) {
            m.train(unlabelled(), ToyTraining.training(300), (done, total, loss, lr) -> {
                if (done % 50 == 0) {
                    live.add(Scoped.liveArrays());
                }
            });
        }
        assertEquals(live.get(0), live.get(live.size() - 1), "live native arrays grew during training: " + live);
    }

    @Test
    void registeredUnderItsName() {
        assertInstanceOf(FlowMatchingFactory.class, ModelRegistry.byName("flow-matching"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.byName("nope"));
        assertTrue(e.getMessage().contains("flow-matching"), e.getMessage());
    }

    @Test
    void sdeSamplerIsRefusedWithAClearMessage() {
        try (FlowMatchingModel m = model(1); var nd = ai.djl.ndarray.NDManager.newBaseManager()) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> m.generate(SamplerSpec.of("em", 10), 10, Guidance.NONE, 1, nd));
            assertTrue(e.getMessage().contains("score"), e.getMessage());
        }
    }

    @Test
    void badConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlowMatchingConfig(0.5, 0.2));
    }
}
