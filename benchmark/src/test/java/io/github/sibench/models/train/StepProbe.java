package io.github.sibench.models.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A profiling aid, not a test: {@link TrainingRun#step()} re-enacted with a call to {@code phaseEnd} after
 * each phase (0 batch assembly, 1 forward and loss, 2 NaN check, 3 backward, 4 scope close, 5 optimiser,
 * 6 EMA), with the same pieces as the run. Keep it in step with {@link TrainingRun}.
 */
public final class StepProbe implements AutoCloseable {

    public static final String[] PHASES = {"batch assembly", "forward + loss", "NaN check (loss to Java)",
        "backward", "scope close", "optimizer (AdamW)", "EMA"};

    private final TrainingSet data;
    private final TrainingConfig config;
    private final TrainingRun.StepLoss loss;
    private final RandomGenerator rng;
    private final Noise noise;
    private final TrainedWeights parameters;
    private final NDManager runManager;
    private final Ema ema;
    private final NDArray all;
    private int done;

    public StepProbe(Block block, NDManager manager, long seed, TrainingSet data, TrainingConfig config,
            TrainingRun.StepLoss loss) {
        this.data = data;
        this.config = config;
        this.loss = loss;
        SeedTree train = SeedTree.root(seed).child("train");
        this.rng = train.child("batches").rng();
        this.noise = new Noise(train.child("noise"));
        this.parameters = TrainedWeights.of(block, manager, manager.getDevice(), Optimizer.adamW()
                .optLearningRateTracker(new LearningRateSchedule(config))
                .optWeightDecays((float) config.weightDecay()).build());
        this.runManager = manager.newSubManager();
        this.ema = new Ema(parameters.weights(), config.emaDecay(), manager);
        this.all = runManager.create(data.x(), new Shape(data.n(), data.dim()));
    }

    public void step(IntConsumer phaseEnd) {
        NDManager sm = runManager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector();
        int[] idx = new int[config.batchSize()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(data.n());
        }
        NDArray x0 = all.get(sm.create(idx));
        x0.attach(sm);
        parameters.bind(sm);
        phaseEnd.accept(0);
        TrainingRun.Loss l = loss.apply(new TrainingRun.Step(done, sm, x0, null, rng, noise, parameters.store()));
        phaseEnd.accept(1);
        double reported = l.reported().getFloat();
        if (!Double.isFinite(reported)) {
            throw new IllegalStateException("loss " + reported);
        }
        phaseEnd.accept(2);
        collector.backward(l.objective());
        phaseEnd.accept(3);
        parameters.unbind();
        sm.close();
        collector.close();
        phaseEnd.accept(4);
        parameters.update();
        phaseEnd.accept(5);
        ema.update();
        phaseEnd.accept(6);
        done++;
    }

    @Override
    public void close() {
        ema.close();
        runManager.close();
        parameters.close();
    }
}
