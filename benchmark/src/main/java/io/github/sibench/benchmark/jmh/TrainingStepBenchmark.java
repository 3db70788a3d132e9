package io.github.sibench.benchmark.jmh;

import io.github.sibench.models.ModelContext;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.flowmatching.FlowMatchingConfig;
import io.github.sibench.models.flowmatching.FlowMatchingModel;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingRun;
import io.github.sibench.models.train.TrainingSet;
import java.util.SplittableRandom;
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
 * One training step (batch 256: forward, backward, AdamW update, EMA update) of the SwiGLU backbone
 * under flow matching, at the two profile sizes: {@code quick} (d = 64, H = 128, 2 blocks) and
 * {@code paper} (d = 9408, H = 512, 2 blocks), each with the thread count of its profile (1 and the
 * engine's default). Reported as steps per second.
 *
 * <p>Run: {@code mvn -q -pl benchmark -am compile exec:exec@run -Dmain=org.openjdk.jmh.Main -Dargs=TrainingStep}
 * (the forked JVMs inherit {@code OMP_WAIT_POLICY=PASSIVE}). Another thread count at the quick size:
 * {@code -jvmArgsAppend -Dai.djl.pytorch.num_threads=2} in {@code -Dargs}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class TrainingStepBenchmark {

    @Param({"quick", "paper"})
    public String size;

    private FlowMatchingModel model;
    private TrainingRun run;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkSize shapes = BenchmarkSize.start(size);
        int dim = shapes.dim;
        int n = 1000;
        BackboneConfig backbone = shapes.backbone;
        float[] x = new float[n * dim];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        model = new FlowMatchingModel(FlowMatchingConfig.defaults(), new ModelContext(dim, 0, backbone, 1, "cpu"));
        run = model.startTraining(TrainingSet.unlabelled(x, n, dim),
                new TrainingConfig(Integer.MAX_VALUE, 256, 1e-3, 0, 100, 0.999, 0, 0));
    }

    @Benchmark
    public double step() {
        return run.step();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
        model.close();
    }
}
