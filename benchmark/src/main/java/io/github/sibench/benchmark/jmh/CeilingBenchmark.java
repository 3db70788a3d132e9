package io.github.sibench.benchmark.jmh;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * The roofline of {@link TrainingStepBenchmark} and {@link SamplerEvalBenchmark}: the same engine (DJL
 * NDArray on PyTorch CPU, same thread settings per size) doing only the matrix products of one training
 * step and of one sampler evaluation of the SwiGLU backbone under flow matching (input and output of
 * width d, 16 time frequencies, no label), with preallocated operands. One operation here is one step (or
 * one evaluation), so {@code step ops/s / ceiling ops/s} is the fraction of the ceiling reached.
 *
 * <p>Products of a linear layer y = x W^T (x: (B, in), W: (out, in)): forward x W^T (B x in x out),
 * input gradient dY W (B x out x in) and weight gradient dY^T x (out x B x in). The training step
 * (batch B = 256) has, per layer (in -> out):
 *
 * <pre>
 *   time_in    32 -> H      forward, dW          (its input, Fourier features of t, needs no gradient)
 *   time_out    H -> H      forward, dX, dW
 *   input       d -> H      forward, dW          (x_t needs no gradient: autograd skips dX)
 *   up_b        H -> 4H     forward, dX, dW      per block
 *   down_b     2H -> H      forward, dX, dW      per block
 *   output      H -> d      forward, dX, dW
 * </pre>
 *
 * The sampler evaluation (4,000 samples, no gradients) is the forward product of every layer, batch by
 * batch in the rows that generation uses (all 4,000 at once at the quick size, 668 per batch at the paper
 * size, where the last product's output would otherwise take 150 MB of fresh pages). Element-wise
 * work (bias, norms, SiLU, loss, optimiser) is left out: the ceiling is the products alone.
 *
 * <p>Run: {@code mvn -q -pl benchmark -am compile exec:exec@run -Dmain=org.openjdk.jmh.Main
 * -Dargs="TrainingStep|Ceiling|SamplerEval"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class CeilingBenchmark {

    /** Training batch of both sizes. */
    static final int BATCH = 256;
    /** Samples of one sampler evaluation. */
    static final int SAMPLES = 4000;
    @Param({"quick", "paper"})
    public String size;

    private NDManager manager;
    /** Operand pairs (a, b) of the training step's products a b. */
    private final List<NDArray[]> step = new ArrayList<>();
    /**
     * Operand pairs of the sampler evaluation's products, per batch of rows: the evaluation runs in the
     * batches of {@code NetworkModel.generate} ({@link SamplerEvalBenchmark#batches}).
     */
    private final List<List<NDArray[]>> evaluation = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkSize shapes = BenchmarkSize.start(size);
        int d = shapes.dim;
        int h = shapes.backbone.hidden();
        int blocks = shapes.backbone.blocks();
        Engine.getInstance().setRandomSeed(1);
        manager = NDManager.newBaseManager();
        List<int[]> layers = new ArrayList<>(); // {in, out, needs dX}
        // the time embedding's input: sin and cos of each Fourier frequency
        layers.add(new int[] {2 * shapes.backbone.timeFeatures(), h, 0});
        layers.add(new int[] {h, h, 1});
        layers.add(new int[] {d, h, 0});
        for (int b = 0; b < blocks; b++) {
            layers.add(new int[] {h, 4 * h, 1});
            layers.add(new int[] {2 * h, h, 1});
        }
        layers.add(new int[] {h, d, 1});
        for (int[] l : layers) {
            int in = l[0];
            int out = l[1];
            step.add(pair(BATCH, in, out)); // forward: x (B, in) W^T (in, out)
            step.add(pair(out, BATCH, in)); // dW = dY^T (out, B) x (B, in)
            if (l[2] == 1) {
                step.add(pair(BATCH, out, in)); // dX = dY (B, out) W (out, in)
            }
        }
        for (int rows : SamplerEvalBenchmark.batches(shapes)) {
            List<NDArray[]> batch = new ArrayList<>();
            for (int[] l : layers) {
                batch.add(pair(rows, l[0], l[1]));
            }
            evaluation.add(batch);
        }
    }

    /** Preallocated N(0, 1) operands of an (m x k) (k x n) product. */
    private NDArray[] pair(int m, int k, int n) {
        return new NDArray[] {manager.randomNormal(new Shape(m, k)), manager.randomNormal(new Shape(k, n))};
    }

    private static double products(NDManager parent, List<NDArray[]> pairs) {
        try (NDManager sm = parent.newSubManager()) {
            NDArray last = null;
            for (NDArray[] p : pairs) {
                last = p[0].matMul(p[1]);
                last.attach(sm);
            }
            // PyTorch's CPU ops run synchronously: every product is done when matMul returns
            return last.getShape().size();
        }
    }

    /** The products of one training step (forward and backward of every linear layer, batch 256). */
    @Benchmark
    public double trainingStep() {
        return products(manager, step);
    }

    /** The forward products of one sampler evaluation of 4,000 samples. */
    @Benchmark
    public double samplerEvaluation() {
        double size = 0;
        for (List<NDArray[]> batch : evaluation) {
            size += products(manager, batch);
        }
        return size;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
