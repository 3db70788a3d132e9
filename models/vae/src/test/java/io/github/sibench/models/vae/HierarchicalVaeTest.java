package io.github.sibench.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.core.util.Scoped;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingFailedException;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.models.vae.VaeConfig.Prior;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HierarchicalVaeTest {

    private static final SamplerSpec ANY = SamplerSpec.of("ancestral", 1);

    private static HierarchicalVae model(Prior prior, int classes, long seed) {
        return new HierarchicalVae(VaeConfig.of(prior), new ModelContext(2, classes, ToyTraining.TINY, seed, "cpu"));
    }

    private static TrainingSet unlabelled() {
        TrainingSet d = ToyTraining.data(2000, 1);
        return TrainingSet.unlabelled(d.x(), d.n(), d.dim());
    }

    private static double mean(List<Double> v, int from, int to) {
        return v.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Prior.class)
    void shortTrainingBeatsTheUntrainedModelAndLowersTheNegativeElbo(Prior prior) {
        List<Double> losses = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        try (HierarchicalVae m = model(prior, 0, 3)) {
            double before = ToyTraining.frechet(m, ANY, 4000, 5);
            TrainResult r = m.train(unlabelled(), ToyTraining.training(300), (done, total, loss, lr) -> {
                losses.add(loss);
                if (done % 50 == 0) {
                    live.add(Scoped.liveArrays());
                }
            });
            double after = ToyTraining.frechet(m, ANY, 4000, 5);
            double early = mean(losses, 0, 10);
            double late = mean(losses, losses.size() - 10, losses.size());
            System.out.printf("vae(%s): FD before %.4f, after %.4f; negative ELBO first 10 steps %.3f, last 10 %.3f,"
                    + " final %.3f nats; %.0f steps/s%n", prior.configName(), before, after, early, late, r.finalLoss(),
                    r.stepsPerSecond());
            // untrained: the decoder's output layer starts at zero, so every sample is the point 0
            assertTrue(before > 2, "untrained samples should sit at 0, far from the data: " + before);
            assertTrue(after < before / 5, "training must cut the Frechet distance 5x: " + before + " -> " + after);
            assertTrue(late < early - 1, "the negative ELBO must fall by more than 1 nat: " + early + " -> " + late);
            assertTrue(Double.isFinite(r.finalLoss()) && Math.abs(r.finalLoss() - mean(losses, 285, 300)) < 1e-9,
                    "final loss is the mean of the last 5% of steps: " + r.finalLoss());
            assertEquals(live.get(0), live.get(live.size() - 1), "live native arrays grew during training: " + live);
        }
    }

    /**
     * Row i of a generation depends only on label i (the draws are the same whatever the labels and the
     * weight): a batch with mixed labels equals, row by row, the batches with one label each.
     */
    private static void assertRowsFollowTheirOwnLabel(HierarchicalVae m, int n, double w, long seed, NDManager nd) {
        int[] mixed = new int[n];
        int[] zeros = new int[n];
        int[] ones = new int[n];
        for (int i = 0; i < n; i++) {
            mixed[i] = i % 2;
        }
        Arrays.fill(ones, 1);
        float[] both = m.generate(ANY, n, Guidance.of(mixed, w), seed, nd).x().toFloatArray();
        float[] left = m.generate(ANY, n, Guidance.of(zeros, w), seed, nd).x().toFloatArray();
        float[] right = m.generate(ANY, n, Guidance.of(ones, w), seed, nd).x().toFloatArray();
        for (int i = 0; i < n; i++) {
            float[] expected = i % 2 == 0 ? left : right;
            assertArrayEquals(Arrays.copyOfRange(expected, 2 * i, 2 * i + 2), Arrays.copyOfRange(both, 2 * i, 2 * i + 2),
                    "w = " + w + ", row " + i);
        }
        assertFalse(Arrays.equals(left, right), "the label must change the output, or the comparison proves nothing");
    }

    @Test
    void guidanceZeroIsTheUnconditionalModelAndEveryWeightFollowsTheLabel() {
        int n = 2000;
        int[] left = new int[n];
        int[] right = new int[n];
        Arrays.fill(right, 1);
        try (HierarchicalVae m = model(Prior.NORMAL, 2, 3); NDManager nd = NDManager.newBaseManager()) {
            m.train(ToyTraining.data(2000, 1), ToyTraining.training(300), (a, b, c, d) -> {});
            float[] w0 = m.generate(ANY, n, Guidance.of(left, 0), 7, nd).x().toFloatArray();
            float[] w1 = m.generate(ANY, n, Guidance.of(left, 1), 7, nd).x().toFloatArray();
            float[] w2 = m.generate(ANY, n, Guidance.of(left, 2), 7, nd).x().toFloatArray();
            assertArrayEquals(m.generate(ANY, n, Guidance.NONE, 7, nd).x().toFloatArray(), w0,
                    "w = 0 is unconditional generation");
            assertRowsFollowTheirOwnLabel(m, 400, 1, 7, nd);
            assertRowsFollowTheirOwnLabel(m, 400, 2, 7, nd);
            double leftAtW0 = fractionLeft(w0);
            double leftAtW1 = fractionLeft(w1);
            double leftAtW2 = fractionLeft(w2);
            double rightAtW2 = 1 - fractionLeft(m.generate(ANY, n, Guidance.of(right, 2), 7, nd).x().toFloatArray());
            System.out.printf("vae(normal) CFG: x < 0 for label 0 at w=0 %.3f, w=1 %.3f, w=2 %.3f; x > 0 for label 1 at"
                    + " w=2 %.3f%n", leftAtW0, leftAtW1, leftAtW2, rightAtW2);
            assertTrue(leftAtW0 > 0.3 && leftAtW0 < 0.7, "the null model must cover both blobs: " + leftAtW0);
            assertTrue(leftAtW1 > 0.9, "label 0 with w = 1 must land in the left blob: " + leftAtW1);
            assertTrue(leftAtW2 > 0.9, "label 0 with w = 2 must land in the left blob: " + leftAtW2);
            assertTrue(rightAtW2 > 0.9, "label 1 with w = 2 must land in the right blob: " + rightAtW2);
        }
    }

    @Test
    void guidedDrawsThroughTheVampPriorAreTheSameWhateverTheLabels() {
        int n = 300;
        int[] labels = new int[n];
        try (HierarchicalVae m = model(Prior.VAMP, 2, 4); NDManager nd = NDManager.newBaseManager()) {
            m.train(ToyTraining.data(1000, 2), ToyTraining.training(20), (a, b, c, d) -> {});
            assertArrayEquals(m.generate(ANY, n, Guidance.NONE, 11, nd).x().toFloatArray(),
                    m.generate(ANY, n, Guidance.of(labels, 0), 11, nd).x().toFloatArray(), "w = 0 is unconditional");
            assertRowsFollowTheirOwnLabel(m, n, 1, 11, nd);
            assertRowsFollowTheirOwnLabel(m, n, 2, 11, nd);
        }
    }

    private static double fractionLeft(float[] xy) {
        int left = 0;
        for (int i = 0; i < xy.length / 2; i++) {
            left += xy[2 * i] < 0 ? 1 : 0;
        }
        return left / (xy.length / 2.0);
    }

    @Test
    void memoryStaysFlatOverLabelledTrainingAndGuidedGeneration() {
        List<Integer> live = new ArrayList<>();
        int[] labels = new int[500];
        try (HierarchicalVae m = model(Prior.VAMP, 2, 1)) {
            m.train(ToyTraining.data(1000, 3), ToyTraining.training(150), (done, total, loss, lr) -> {
                if (done % 30 == 0) {
                    live.add(Scoped.liveArrays());
                }
            });
            assertEquals(live.get(0), live.get(live.size() - 1), "live native arrays grew during training: " + live);
            int before = Scoped.liveArrays();
            for (int i = 0; i < 5; i++) {
                try (NDManager nd = NDManager.newBaseManager()) {
                    m.generate(ANY, 500, Guidance.of(labels, 2), i, nd);
                    m.generate(ANY, 500, Guidance.NONE, i, nd);
                }
            }
            assertEquals(before, Scoped.liveArrays(), "generation left native arrays behind");
        }
    }

    /**
     * Regression: DJL's PyTorch engine makes the scalar of {@code x.mul(0.5f)} a view of a Java buffer that
     * the garbage collector may free before the backward pass reads it; losses were then NaN at random
     * steps. With a collector running all the time, training must give the very same losses.
     */
    @Test
    void lossesDoNotDependOnTheGarbageCollector() throws InterruptedException {
        double[] quiet = losses(VaeConfig.of(Prior.MOG), 12);
        AtomicBoolean stop = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
            }
        });
        collector.setDaemon(true);
        collector.start();
        double[] busy;
        try {
            busy = losses(VaeConfig.of(Prior.MOG), 12);
        } finally {
            stop.set(true);
            collector.join();
        }
        assertArrayEquals(quiet, busy, "losses changed when the garbage collector ran");
    }

    private static double[] losses(VaeConfig config, int steps) {
        double[] out = new double[steps];
        try (HierarchicalVae m = new HierarchicalVae(config, new ModelContext(2, 0, ToyTraining.TINY, 5, "cpu"))) {
            m.train(unlabelled(), ToyTraining.training(steps), (done, total, loss, lr) -> out[done - 1] = loss);
        }
        return out;
    }

    @Test
    void hugeLearningRateFailsWithAOneLineMessage() {
        TrainingConfig reckless = new TrainingConfig(50, 64, 1e20, 0, 0, 0.99, 0, 0.2);
        try (HierarchicalVae m = model(Prior.NORMAL, 0, 1)) {
            TrainingFailedException e = assertThrows(TrainingFailedException.class,
                    () -> m.train(unlabelled(), reckless, (a, b, c, d) -> {}));
            assertTrue(e.getMessage().startsWith("vae(normal): training loss became "), e.getMessage());
            assertTrue(e.getMessage().contains("at step"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void ancestralIsOneDecoderPassAndEveryOtherSamplerIsRefused() {
        try (HierarchicalVae m = model(Prior.MOG, 0, 2); NDManager nd = NDManager.newBaseManager()) {
            m.train(unlabelled(), ToyTraining.training(20), (a, b, c, d) -> {});
            Samples s = m.generate(ANY, 64, Guidance.NONE, 9, nd);
            assertEquals(1, s.nfe());
            assertEquals(new Shape(64, 2), s.x().getShape());
            Engine.getInstance().setRandomSeed(12345);
            nd.randomNormal(new Shape(7));
            assertArrayEquals(s.x().toFloatArray(),
                    m.generate(SamplerSpec.of("ancestral", 100), 64, Guidance.NONE, 9, nd).x().toFloatArray(),
                    "same seed, same samples, whatever the engine drew before; steps are ignored");
            assertFalse(Arrays.equals(s.x().toFloatArray(),
                    m.generate(ANY, 64, Guidance.NONE, 10, nd).x().toFloatArray()), "another seed, other samples");
            for (SamplerKind kind : SamplerKind.values()) {
                if (kind == SamplerKind.ANCESTRAL) {
                    continue;
                }
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> m.generate(SamplerSpec.of(kind.configName(), 10), 64, Guidance.NONE, 9, nd));
                String message = e.getMessage();
                assertTrue(message.startsWith("vae(mog) ") && message.contains("'" + kind.configName() + "'")
                        && message.contains("use sampler 'ancestral'") && !message.contains("\n"), message);
            }
        }
    }

    @Test
    void labelsNeedAClassConditionalModel() {
        try (HierarchicalVae m = model(Prior.NORMAL, 0, 1); NDManager nd = NDManager.newBaseManager()) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> m.generate(ANY, 4, Guidance.of(new int[4], 2), 1, nd));
            assertTrue(e.getMessage().contains("without classes"), e.getMessage());
        }
        try (HierarchicalVae m = model(Prior.NORMAL, 2, 1); NDManager nd = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> m.generate(ANY, 4, Guidance.of(new int[3], 2), 1, nd));
            assertThrows(IllegalArgumentException.class,
                    () -> m.train(TrainingSet.unlabelled(new float[9], 3, 3), ToyTraining.training(5), (a, b, c, d) -> {}));
        }
    }

    /**
     * Beta and the KL warm-up change what is optimised, not what is reported: the first step (same weights,
     * batch and noise) reports the same negative ELBO, and the runs part afterwards.
     */
    @Test
    void theReportedLossIsTheNegativeElboWhateverBetaAndWarmup() {
        VaeConfig warm = new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 0.5, 0.5, VaeConfig.DecoderVariance.LEARNED, -2, 1);
        double[] plain = losses(VaeConfig.of(Prior.MOG), 6);
        double[] warmed = losses(warm, 6);
        assertEquals(plain[0], warmed[0], "step 1 reports the same negative ELBO");
        assertTrue(plain[5] != warmed[5], "a latent weight below 1 must change the training: " + Arrays.toString(plain)
                + " vs " + Arrays.toString(warmed));
    }

    @Test
    void everyDecoderVarianceModeTrains() {
        for (VaeConfig.DecoderVariance v : VaeConfig.DecoderVariance.values()) {
            VaeConfig c = new VaeConfig(Prior.NORMAL, 4, 2, 16, -10, 10, 1, 0, v, -2, 1);
            try (HierarchicalVae m = new HierarchicalVae(c, new ModelContext(2, 0, ToyTraining.TINY, 1, "cpu"))) {
                List<Double> losses = new ArrayList<>();
                m.train(unlabelled(), ToyTraining.training(40), (done, total, loss, lr) -> losses.add(loss));
                assertTrue(mean(losses, 30, 40) < mean(losses, 0, 10), v + ": the negative ELBO must fall: " + losses);
            }
        }
    }

    @Test
    void registeredUnderItsNameWithThePriorInItsLabel() {
        ModelFactory<?> f = ModelRegistry.byName("vae");
        VaeFactory vae = assertInstanceOf(VaeFactory.class, f);
        assertEquals(VaeConfig.defaults(), vae.defaultConfig());
        assertEquals("vae(vamp)", vae.interpolant(vae.defaultConfig()));
        assertEquals("vae(mog)", vae.interpolant(VaeConfig.of(Prior.MOG)));
        assertEquals("vae(normal)", vae.interpolant(VaeConfig.of(Prior.NORMAL)));
        try (GenerativeModel m = vae.create(VaeConfig.of(Prior.MOG), new ModelContext(2, 0, ToyTraining.TINY, 1, "cpu"))) {
            assertInstanceOf(HierarchicalVae.class, m);
        }
    }
}
