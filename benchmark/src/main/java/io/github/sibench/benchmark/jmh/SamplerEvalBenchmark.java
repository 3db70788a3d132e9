package io.github.sibench.benchmark.jmh;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.backbone.SwiGluMlp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sampler evaluation: the SwiGLU backbone of flow matching (input and output of width d) applied to
 * 4,000 samples in the batches of {@code NetworkModel.generate}, without gradient recording (the engine's
 * default outside a gradient collector) and in inference mode, as generation runs it; at the sizes and thread
 * settings of {@link TrainingStepBenchmark}. Its roofline is {@link CeilingBenchmark#samplerEvaluation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class SamplerEvalBenchmark {

    @Param({"quick", "paper"})
    public String size;

    private NDManager manager;
    private SwiGluMlp network;
    private ParameterStore store;
    /** Inputs (x, t) of each batch. */
    private final List<NDList> inputs = new ArrayList<>();

    /**
     * The batch sizes in which {@code NetworkModel.generate} evaluates the 4,000 samples of a model of this
     * size ({@link NetworkModel#batchRows(long)} of the backbone's widest activation).
     */
    static List<Integer> batches(BenchmarkSize shapes) {
        int rows = NetworkModel.batchRows(shapes.backbone.widestActivation(List.of(shapes.dim), shapes.dim));
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < CeilingBenchmark.SAMPLES; from += rows) {
            sizes.add(Math.min(rows, CeilingBenchmark.SAMPLES - from));
        }
        return sizes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkSize shapes = BenchmarkSize.start(size);
        int dim = shapes.dim;
        Engine.getInstance().setRandomSeed(1);
        manager = NDManager.newBaseManager();
        network = new SwiGluMlp(dim, dim, 0, shapes.backbone);
        network.initialize(manager, DataType.FLOAT32, network.inputShapes(1));
        store = new ParameterStore(manager, false);
        for (int rows : batches(shapes)) {
            inputs.add(new NDList(manager.randomNormal(new Shape(rows, dim)), manager.full(new Shape(rows, 1), 0.5f)));
        }
    }

    /** One network evaluation of 4,000 samples, batch by batch. */
    @Benchmark
    public long evaluate() {
        long size = 0;
        for (NDList in : inputs) {
            try (NDManager sm = manager.newSubManager()) {
                // results of ops on x and t land on their manager: borrow them for this batch
                in.forEach(a -> a.tempAttach(sm));
                size += network.forward(store, in, false).singletonOrThrow().getShape().size();
            }
        }
        return size;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
