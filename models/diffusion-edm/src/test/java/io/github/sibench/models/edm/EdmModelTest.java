package io.github.sibench.models.edm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.sibench.core.util.Scoped;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdmModelTest {

    private static EdmModel model(int numClasses, long seed) {
        return new EdmModel(EdmConfig.defaults(), new ModelContext(2, numClasses, ToyTraining.TINY, seed, "cpu"));
    }

    private static TrainingSet unlabelled() {
        TrainingSet d = ToyTraining.data(2000, 1);
        return TrainingSet.unlabelled(d.x(), d.n(), d.dim());
    }

    @Test
    void shortTrainingBeatsTheUntrainedModelWithBothEdmSamplers() {
        SamplerSpec heun = SamplerSpec.of("edm-heun", 18);
        SamplerSpec sde = SamplerSpec.of("edm-sde", 18);
        try (EdmModel m = model(0, 3); NDManager nd = NDManager.newBaseManager()) {
            double beforeHeun = ToyTraining.frechet(m, heun, 4000, 5);
            double beforeSde = ToyTraining.frechet(m, sde, 4000, 5);
            TrainResult r = m.train(unlabelled(), ToyTraining.training(600), (a, b, c, d) -> {});
            double afterHeun = ToyTraining.frechet(m, heun, 4000, 5);
            double afterSde = ToyTraining.frechet(m, sde, 4000, 5);
            SamplerSpec ode = SamplerSpec.Dopri5.withTolerance(1e-3);
            double afterOde = ToyTraining.frechet(m, ode, 4000, 5);
            int odeNfe = m.generate(ode, 100, Guidance.NONE, 5, nd).nfe();
            System.out.printf("diffusion-edm: FD before heun %.4f / sde %.4f; after 600 steps heun %.4f, sde %.4f,"
                    + " dopri5 (velocity) %.4f at %d NFE; final loss %.4f, %.0f steps/s%n",
                    beforeHeun, beforeSde, afterHeun, afterSde, afterOde, odeNfe, r.finalLoss(), r.stepsPerSecond());
            // untrained F = 0 gives D = c_skip x, the denoiser of N(0, sd^2 I): far from the two blobs
            assertTrue(beforeHeun > 0.5 && beforeSde > 0.5, "untrained: " + beforeHeun + ", " + beforeSde);
            assertTrue(afterHeun < beforeHeun / 5, "edm-heun: " + beforeHeun + " -> " + afterHeun);
            assertTrue(afterSde < beforeSde / 5, "edm-sde: " + beforeSde + " -> " + afterSde);
            assertTrue(Double.isFinite(r.finalLoss()) && r.finalLoss() > 0, "final loss " + r.finalLoss());
            assertEquals(2 * 18 - 1, m.generate(heun, 10, Guidance.NONE, 1, nd).nfe());
            assertEquals(2 * 18 - 1, m.generate(sde, 10, Guidance.NONE, 1, nd).nfe());
        }
    }

    @Test
    void nfeOfEverySamplerTheModelOffers() {
        try (EdmModel m = model(0, 1); NDManager nd = NDManager.newBaseManager()) {
            assertEquals(2 * 10 - 1, m.generate(SamplerSpec.of("edm-heun", 10), 8, Guidance.NONE, 1, nd).nfe());
            assertEquals(2 * 7 - 1, m.generate(SamplerSpec.of("edm-sde", 7), 8, Guidance.NONE, 1, nd).nfe());
            assertEquals(1, m.generate(SamplerSpec.of("edm-heun", 1), 8, Guidance.NONE, 1, nd).nfe());
            assertEquals(2 * 10 - 1, m.generate(SamplerSpec.of("heun", 10), 8, Guidance.NONE, 1, nd).nfe());
            assertEquals(10, m.generate(SamplerSpec.of("euler", 10), 8, Guidance.NONE, 1, nd).nfe());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> m.generate(SamplerSpec.of("em", 10), 8, Guidance.NONE, 1, nd));
            assertTrue(e.getMessage().contains("score"), e.getMessage());
        }
    }

    @Test
    void classifierFreeGuidanceLandsInTheRequestedBlob() {
        TrainingSet labelled = ToyTraining.data(2000, 1);
        SamplerSpec heun = SamplerSpec.of("edm-heun", 18);
        int n = 2000;
        try (EdmModel m = model(2, 4); NDManager nd = NDManager.newBaseManager()) {
            m.train(labelled, ToyTraining.training(600), (a, b, c, d) -> {});
            int[] left = new int[n];
            int[] right = new int[n];
            Arrays.fill(right, 1);
            double leftShare = share(m.generate(heun, n, Guidance.of(left, 2), 7, nd).x().toFloatArray(), true);
            double rightShare = share(m.generate(heun, n, Guidance.of(right, 2), 7, nd).x().toFloatArray(), false);
            double unguided = share(m.generate(heun, n, Guidance.NONE, 7, nd).x().toFloatArray(), true);
            System.out.printf("diffusion-edm CFG w=2: %.3f of class 0 at x < 0, %.3f of class 1 at x > 0;"
                    + " unconditional %.3f at x < 0%n", leftShare, rightShare, unguided);
            assertTrue(leftShare > 0.9, "class 0 with w = 2: share at x < 0 = " + leftShare);
            assertTrue(rightShare > 0.9, "class 1 with w = 2: share at x > 0 = " + rightShare);
            assertTrue(unguided > 0.25 && unguided < 0.75, "unconditional samples cover both blobs: " + unguided);
            // w = 0 is the null-label model: the same samples as unconditional generation from the same seed
            float[] w0 = m.generate(heun, 100, Guidance.of(new int[100], 0), 9, nd).x().toFloatArray();
            float[] none = m.generate(heun, 100, Guidance.NONE, 9, nd).x().toFloatArray();
            assertArrayEquals(none, w0);
        }
    }

    private static double share(float[] xy, boolean left) {
        int hits = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if (left ? xy[i] < 0 : xy[i] > 0) {
                hits++;
            }
        }
        return hits / (xy.length / 2.0);
    }

    @Test
    void memoryStaysFlatOverTraining() {
        List<Integer> live = new ArrayList<>();
        try (EdmModel m = model(0, 1)) {
            m.train(unlabelled(), ToyTraining.training(200), (done, total, loss, lr) -> {
                if (done % 50 == 0) {
                    live.add(Scoped.liveArrays());
                }
            });
        }
        assertEquals(live.get(0), live.get(live.size() - 1), "live native arrays grew during training: " + live);
    }

    @Test
    void registeredUnderItsName() {
        ModelFactory<?> f = ModelRegistry.byName("diffusion-edm");
        assertInstanceOf(EdmFactory.class, f);
        EdmFactory edm = (EdmFactory) f;
        assertEquals(EdmConfig.class, edm.configType());
        assertEquals(new EdmConfig(0.5, -1.2, 1.2, 0.002, 80), edm.defaultConfig());
        assertEquals("ve(edm)", edm.interpolant(edm.defaultConfig()));
        assertEquals("ve(edm,sigmaMax=40.0)", edm.interpolant(new EdmConfig(0.5, -1.2, 1.2, 0.002, 40)));
        try (GenerativeModel m = edm.create(edm.defaultConfig(), new ModelContext(2, 0, ToyTraining.TINY, 1, "cpu"))) {
            assertInstanceOf(EdmModel.class, m);
        }
    }

    @Test
    void badConfigIsRejectedWithAClearMessage() {
        assertRejected("sigmaData", () -> new EdmConfig(0, -1.2, 1.2, 0.002, 80));
        assertRejected("sigmaData", () -> new EdmConfig(Double.NaN, -1.2, 1.2, 0.002, 80));
        assertRejected("pMean", () -> new EdmConfig(0.5, Double.POSITIVE_INFINITY, 1.2, 0.002, 80));
        assertRejected("pStd", () -> new EdmConfig(0.5, -1.2, 0, 0.002, 80));
        assertRejected("pStd", () -> new EdmConfig(0.5, -1.2, -1, 0.002, 80));
        assertRejected("sigmaMin", () -> new EdmConfig(0.5, -1.2, 1.2, 0, 80));
        assertRejected("sigmaMin", () -> new EdmConfig(0.5, -1.2, 1.2, 80, 80));
        assertRejected("sigmaMax", () -> new EdmConfig(0.5, -1.2, 1.2, 0.002, Double.POSITIVE_INFINITY));
    }

    private static void assertRejected(String field, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().startsWith("diffusion-edm: ") && e.getMessage().contains(field), e.getMessage());
    }
}
