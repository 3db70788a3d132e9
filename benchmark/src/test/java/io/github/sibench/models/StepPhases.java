package io.github.sibench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.benchmark.jmh.BenchmarkSize;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.flowmatching.FlowMatchingConfig;
import io.github.sibench.models.flowmatching.FlowMatchingModel;
import io.github.sibench.models.train.StepProbe;
import io.github.sibench.models.train.LearningRateSchedule;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingRun;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.models.vae.VaeConfig;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A profiling tool, not a test: where the time of one training step goes. Prints (1) ms per step and
 * native (JNI) calls per step of the real {@link TrainingRun#step()} for flow matching and of the VAE's
 * training, and (2) a per-phase breakdown of the flow-matching step, re-enacted phase by phase with the
 * same pieces as {@link TrainingRun} (batch assembly, forward with the loss, NaN check, backward, scope
 * close, optimiser, EMA). Native calls are counted when the JVM runs with the {@code NativeCallCounter}
 * agent ({@code src/test/tools/phases.sh}); without it only times are printed.
 *
 * <p>Arguments: {@code quick|paper [steps]}.
 */
public final class StepPhases {

    private static Method snapshot;

    public static void main(String[] args) throws Exception {
        boolean paper = args.length > 0 && args[0].equals("paper");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : (paper ? 20 : 1000);
        if (!paper) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        try {
            snapshot = Class.forName("NativeCallCounter", true, ClassLoader.getSystemClassLoader())
                    .getMethod("snapshot");
        } catch (ClassNotFoundException e) {
            System.out.println("(no NativeCallCounter agent: times only)");
        }
        BenchmarkSize shapes = paper ? BenchmarkSize.PAPER : BenchmarkSize.QUICK;
        int dim = shapes.dim;
        int n = 1000;
        BackboneConfig backbone = shapes.backbone;
        float[] x = new float[n * dim];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        TrainingSet data = TrainingSet.unlabelled(x, n, dim);
        TrainingConfig config = new TrainingConfig(1_000_000, 256, 1e-3, 0, 100, 0.999, 0, 0);
        ModelContext context = new ModelContext(dim, 0, backbone, 1, "cpu");

        for (int round = 0; round < 2; round++) {
            System.out.println("--- round " + round + (round == 0 ? " (warm-up)" : ""));
            try (FlowMatchingModel model = new FlowMatchingModel(FlowMatchingConfig.defaults(), context);
                    TrainingRun run = model.startTraining(data, config)) {
                whole("flow matching, TrainingRun.step()", steps, run::step);
            }
            VaeConfig d = VaeConfig.defaults();
            for (VaeConfig vae : new VaeConfig[] {d, new VaeConfig(d.prior(), d.latentDim1(), d.latentDim2(),
                    d.components(), d.logVarMin(), d.logVarMax(), d.beta(), d.klWarmup(), d.decoderVariance(),
                    d.decoderLogVar(), 0.5)}) {
            try (GenerativeModel model = new io.github.sibench.models.vae.HierarchicalVae(vae, context)) {
                int vaeSteps = Math.max(10, steps / 4);
                TrainingConfig c = new TrainingConfig(vaeSteps, 256, 1e-3, 0, 1, 0.999, 0, 0);
                long[] t0 = new long[1];
                Map<String, Long> before = counts();
                long start = System.nanoTime();
                model.train(data, c, (s, total, loss, lr) -> { });
                double ms = (System.nanoTime() - start) / 1e6 / vaeSteps;
                report("vae(" + vae.prior().configName() + ", widthScale " + vae.widthScale() + "), train() incl. set-up",
                        ms, diff(before, counts()), vaeSteps, 12);
            }
            }
            try (FlowMatchingModel model = new FlowMatchingModel(FlowMatchingConfig.defaults(), context)) {
                phases(model, data, config, steps);
            }
        }
    }

    private static void whole(String label, int steps, Runnable step) {
        for (int s = 0; s < Math.min(50, steps); s++) {
            step.run();
        }
        Map<String, Long> before = counts();
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            step.run();
        }
        double ms = (System.nanoTime() - start) / 1e6 / steps;
        report(label, ms, diff(before, counts()), steps, 12);
    }

    /** The step of TrainingRun, phase by phase ({@link StepProbe}). */
    private static void phases(NetworkModel model, TrainingSet data, TrainingConfig config, int steps) {
        NDManager manager = model.network.getParameters().valueAt(0).getArray().getManager();
        String[] names = StepProbe.PHASES;
        long[] nanos = new long[names.length];
        @SuppressWarnings("unchecked")
        Map<String, Long>[] calls = new Map[names.length];
        for (int i = 0; i < names.length; i++) {
            calls[i] = new TreeMap<>();
        }
        try (StepProbe probe = new StepProbe(model.network, manager, 1, data, config,
                step -> TrainingRun.Loss.of(model.loss(new NetworkModel.Batch(step.manager(), step.x0(), null,
                        step.rng(), step.noise(), (x, t, label) -> model.network.forward(step.store(),
                                new ai.djl.ndarray.NDList(x, t), true).singletonOrThrow()))))) {
            int warm = Math.min(50, steps);
            for (int s = 0; s < steps + warm; s++) {
                Phase p = new Phase(nanos, calls, s >= warm);
                probe.step(p::end);
            }
        }
        long total = 0;
        for (long v : nanos) {
            total += v;
        }
        System.out.printf("%nflow matching step by phase (%d steps): %.3f ms/step in all%n", steps, total / 1e6 / steps);
        System.out.printf("%-28s %9s %14s%n", "phase", "ms/step", "native calls");
        for (int i = 0; i < names.length; i++) {
            long c = calls[i].values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%-28s %9.3f %14s%n", names[i], nanos[i] / 1e6 / steps,
                    snapshot == null ? "n/a" : String.format("%.1f", (double) c / steps));
        }
        if (snapshot != null) {
            for (int i = 0; i < names.length; i++) {
                System.out.println("  " + names[i] + ": " + perStep(calls[i], steps, 10));
            }
        }
    }

    /** Times and counts the phases of one step. */
    private static final class Phase {
        private final long[] nanos;
        private final Map<String, Long>[] calls;
        private final boolean measure;
        private long last = System.nanoTime();
        private Map<String, Long> lastCounts = counts();

        Phase(long[] nanos, Map<String, Long>[] calls, boolean measure) {
            this.nanos = nanos;
            this.calls = calls;
            this.measure = measure;
        }

        void end(int phase) {
            long now = System.nanoTime();
            Map<String, Long> c = counts();
            if (measure) {
                nanos[phase] += now - last;
                diff(lastCounts, c).forEach((k, v) -> calls[phase].merge(k, v, Long::sum));
            }
            last = System.nanoTime();
            lastCounts = c;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts() {
        if (snapshot == null) {
            return Map.of();
        }
        try {
            return (Map<String, Long>) snapshot.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long delta = v - before.getOrDefault(k, 0L);
            if (delta != 0) {
                d.put(k, delta);
            }
        });
        return d;
    }

    private static void report(String label, double msPerStep, Map<String, Long> calls, int steps, int top) {
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%s: %.3f ms/step (%.0f steps/s), native calls/step %s%n", label, msPerStep,
                1000 / msPerStep, snapshot == null ? "n/a" : String.format("%.1f", (double) total / steps));
        if (snapshot != null) {
            System.out.println("  top: " + perStep(calls, steps, top));
        }
    }

    private static String perStep(Map<String, Long> calls, int steps, int top) {
        Map<String, String> out = new LinkedHashMap<>();
        calls.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> out.put(e.getKey().replaceFirst("^torch", ""),
                        String.format("%.1f", (double) e.getValue() / steps)));
        return out.toString();
    }
}
