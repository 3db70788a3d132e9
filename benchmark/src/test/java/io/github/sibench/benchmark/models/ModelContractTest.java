package io.github.sibench.benchmark.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
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
import io.github.sibench.models.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered model keeps (run over {@link ModelRegistry#all()}, so a new model module
 * is checked as soon as it is on the class path): it trains a few steps with a finite loss, generates
 * finite points of the right shape with each sampler it declares, with and without classes, gives the
 * same numbers for the same seeds, and leaves no native arrays behind (the count of live arrays is the
 * same after a short and a ten-times longer training, and back to its start once the model is closed).
 */
class ModelContractTest {

    private static final int N = 64;
    private static final TrainingSet DATA = ToyTraining.data(512, 3);

    /** Every registered model but the harness's own test fixtures (e.g. the deliberately failing nan-model). */
    static Stream<ModelFactory<?>> models() {
        return ModelRegistry.all().stream()
                .filter(f -> !f.getClass().getPackageName().startsWith("io.github.sibench.benchmark"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    <C extends Record> void trainsAndSamplesFiniteValuesWithEveryDeclaredSampler(ModelFactory<C> factory) {
        C config = factory.defaultConfig();
        Set<SamplerKind> declared = factory.samplers(config);
        assertFalse(declared.isEmpty(), factory.name() + " declares no sampler");
        for (int classes : new int[] {0, 2}) {
            try (GenerativeModel model = factory.create(config, context(classes, 11))) {
                TrainResult r = model.train(classes == 0 ? unlabelled() : DATA, ToyTraining.training(8),
                        (s, total, loss, lr) -> {});
                assertTrue(Double.isFinite(r.finalLoss()), factory.name() + " loss " + r.finalLoss());
                for (SamplerKind kind : declared) {
                    Guidance guidance = classes == 0 ? Guidance.NONE : Guidance.of(labels(), 2);
                    float[] x = generate(model, kind, guidance, 5);
                    assertEquals(N * DATA.dim(), x.length, factory.name() + " " + kind.configName());
                    for (float v : x) {
                        assertTrue(Float.isFinite(v), factory.name() + " " + kind.configName() + " gave " + v);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    <C extends Record> void sameSeedsGiveTheSameSamplesAndOtherSeedsDoNot(ModelFactory<C> factory) {
        C config = factory.defaultConfig();
        for (SamplerKind kind : factory.samplers(config)) {
            float[] a = trainedSamples(factory, config, kind, 21, 5);
            assertArrayEquals(a, trainedSamples(factory, config, kind, 21, 5), factory.name() + " " + kind);
            assertFalse(java.util.Arrays.equals(a, trainedSamples(factory, config, kind, 21, 6)),
                    factory.name() + " " + kind + ": another generation seed must give other samples");
            assertFalse(java.util.Arrays.equals(a, trainedSamples(factory, config, kind, 22, 5)),
                    factory.name() + " " + kind + ": another model seed must give another model");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    <C extends Record> void nativeMemoryStaysFlat(ModelFactory<C> factory) {
        C config = factory.defaultConfig();
        SamplerKind kind = factory.samplers(config).iterator().next();
        int before = Scoped.liveArrays();
        List<Integer> during = new ArrayList<>();
        for (int steps : new int[] {5, 50}) {
            try (GenerativeModel model = factory.create(config, context(2, 1))) {
                model.train(DATA, ToyTraining.training(steps), (s, total, loss, lr) -> {});
                generate(model, kind, Guidance.of(labels(), 2), 1);
                during.add(Scoped.liveArrays());
            }
        }
        assertEquals(during.get(0), during.get(1), factory.name() + ": live arrays after 5 and 50 steps");
        assertEquals(before, Scoped.liveArrays(), factory.name() + ": live arrays after closing the model");
    }

    private static <C extends Record> float[] trainedSamples(ModelFactory<C> factory, C config, SamplerKind kind,
            long modelSeed, long generationSeed) {
        try (GenerativeModel model = factory.create(config, context(0, modelSeed))) {
            model.train(unlabelled(), ToyTraining.training(8), (s, total, loss, lr) -> {});
            return generate(model, kind, Guidance.NONE, generationSeed);
        }
    }

    private static float[] generate(GenerativeModel model, SamplerKind kind, Guidance guidance, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Samples s = model.generate(SamplerSpec.of(kind.configName(), 6), N, guidance, seed, m);
            return s.x().toFloatArray();
        }
    }

    private static ModelContext context(int classes, long seed) {
        return new ModelContext(DATA.dim(), classes, ToyTraining.TINY, seed, "cpu");
    }

    private static TrainingSet unlabelled() {
        return TrainingSet.unlabelled(DATA.x(), DATA.n(), DATA.dim());
    }

    private static int[] labels() {
        int[] l = new int[N];
        for (int i = 0; i < N; i++) {
            l[i] = i % 2;
        }
        return l;
    }
}
