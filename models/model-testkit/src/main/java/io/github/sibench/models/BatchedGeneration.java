package io.github.sibench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainingListener;
import java.util.Set;

/**
 * Shared check for models built on {@link NetworkModel}: generating in batches of a few rows
 * ({@link NetworkModel#generate(SamplerSpec, int, Guidance, long, NDManager, int)}) gives, for every
 * deterministic sampler the model declares, the points of one batch holding them all (up to float
 * rounding), unconditionally and under guidance w = 2; a stochastic or adaptive sampler gives the same
 * points for the same batching, each finite. The model is briefly trained so that its network is not the
 * zero function it starts as.
 */
public final class BatchedGeneration {

    /** Samplers whose points depend only on their start noise. */
    private static final Set<SamplerKind> DETERMINISTIC =
            Set.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.RK4, SamplerKind.EDM_HEUN);

    private BatchedGeneration() {}

    public static <C extends Record> void assertBatchingKeepsPoints(ModelFactory<C> factory, C config) {
        int n = 10;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
        }
        try (GenerativeModel created = factory.create(config, new ModelContext(2, 2, ToyTraining.TINY, 1, "cpu"));
                NDManager nd = NDManager.newBaseManager()) {
            NetworkModel model = assertInstanceOf(NetworkModel.class, created);
            model.train(ToyTraining.data(512, 3), ToyTraining.training(20), TrainingListener.NONE);
            for (SamplerKind k : factory.samplers(config)) {
                SamplerSpec spec = SamplerSpec.of(k.configName(), 3);
                for (Guidance g : new Guidance[] {Guidance.NONE, Guidance.of(labels, 2)}) {
                    String what = factory.name() + " " + k + (g.conditional() ? " guided" : "");
                    Samples whole = model.generate(spec, n, g, 7, nd, n);
                    Samples batched = model.generate(spec, n, g, 7, nd, 3);
                    float[] b = batched.x().toFloatArray();
                    assertArrayEquals(new long[] {n, 2}, batched.x().getShape().getShape(), what);
                    for (float v : b) {
                        assertTrue(Float.isFinite(v), what + " gave " + v);
                    }
                    assertArrayEquals(b, model.generate(spec, n, g, 7, nd, 3).x().toFloatArray(), what + " repeated");
                    if (DETERMINISTIC.contains(k)) {
                        assertArrayEquals(whole.x().toFloatArray(), b, 1e-5f, what);
                        assertEquals(whole.nfe(), batched.nfe(), what);
                    }
                }
            }
        }
    }
}
