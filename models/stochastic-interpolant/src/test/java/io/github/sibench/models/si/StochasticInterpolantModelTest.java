package io.github.sibench.models.si;

import io.github.sibench.models.guidance.Guidance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainingSet;
import org.junit.jupiter.api.Test;

class StochasticInterpolantModelTest {

    private static StochasticInterpolantModel model(long seed) {
        return new StochasticInterpolantModel(StochasticInterpolantConfig.defaults(),
                new ModelContext(2, 0, ToyTraining.TINY, seed, "cpu"));
    }

    @Test
    void shortTrainingBeatsTheUntrainedModelWithOdeAndSde() {
        TrainingSet d = ToyTraining.data(2000, 1);
        SamplerSpec ode = SamplerSpec.of("heun", 20);
        SamplerSpec sde = new SamplerSpec.Em(100, 0.5);
        try (StochasticInterpolantModel m = model(3)) {
            double before = ToyTraining.frechet(m, ode, 4000, 5);
            m.train(TrainingSet.unlabelled(d.x(), d.n(), d.dim()), ToyTraining.training(600), (a, b, c, e) -> {});
            double afterOde = ToyTraining.frechet(m, ode, 4000, 5);
            double afterSde = ToyTraining.frechet(m, sde, 4000, 5);
            System.out.printf("stochastic interpolant: FD before %.4f, after ODE %.4f, after SDE %.4f%n",
                    before, afterOde, afterSde);
            assertTrue(before > 0.3, "untrained samples are N(0, I), far from the data: " + before);
            assertTrue(afterOde < before / 5, "ODE: " + before + " -> " + afterOde);
            assertTrue(afterSde < before / 5, "SDE: " + before + " -> " + afterSde);
        }
    }

    @Test
    void sdeReportsOneNfePerStep() {
        try (StochasticInterpolantModel m = model(1); NDManager nd = NDManager.newBaseManager()) {
            assertEquals(37, m.generate(new SamplerSpec.Em(37, 1.0), 8, Guidance.NONE, 1, nd).nfe());
            assertEquals(2 * 10 - 1, m.generate(SamplerSpec.of("heun", 10), 8, Guidance.NONE, 1, nd).nfe());
        }
    }

    @Test
    void registeredAndValidated() {
        assertInstanceOf(StochasticInterpolantFactory.class, ModelRegistry.byName("stochastic-interpolant"));
        assertThrows(IllegalArgumentException.class, () -> new StochasticInterpolantConfig(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new StochasticInterpolantConfig(-1, 0.1, 0.5));
    }
}
