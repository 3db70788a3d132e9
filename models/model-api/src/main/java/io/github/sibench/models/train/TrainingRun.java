package io.github.sibench.models.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.models.guidance.Labels;
import java.util.random.RandomGenerator;

/**
 * The training loop every model shares: AdamW (Loshchilov and Hutter 2019) with the config's warm-up and
 * linear decay, an EMA of the weights loaded at the end, batches drawn with replacement from the data
 * held once in native memory, labels with classifier-free-guidance dropout, a NaN/infinity check with a
 * one-line {@link TrainingFailedException}, and one sub-manager per step so that native memory stays
 * flat. A model supplies the loss of a step. The weights are updated either as one flat array (small
 * parameters: a few native calls per step for the optimiser and the EMA) or per parameter
 * ({@link TrainedWeights}); both do the same arithmetic, element by element. So a loss must read every
 * parameter through the step's {@link ai.djl.training.ParameterStore} ({@code getValue}), never through
 * {@code Parameter.getArray()}: with the flat layout the parameter's own array is not the one trained.
 *
 * <p>Inside a loss, never combine an array that needs gradients with a Java number ({@code x.mul(2)}):
 * DJL's PyTorch engine keeps such scalars in Java memory that autograd may read after the garbage
 * collector freed it (random NaNs). Use arrays, e.g. {@code x.mul(x.getManager().full(new Shape(), 2f))}.
 */
public final class TrainingRun implements AutoCloseable {

    /**
     * One step's inputs. Every array made for the loss must live on {@code manager} (results of ops on
     * {@code x0} do).
     *
     * @param index step number, from 0
     * @param manager the step's manager, closed after the step
     * @param x0 data batch (B, dim)
     * @param label one-hot labels (B, numClasses + 1) after dropout, or null for an unconditional model
     * @param rng the run's generator for Java-side draws (e.g. times)
     * @param noise the run's source of N(0, I) arrays (e.g. the noise endpoint)
     * @param store the parameter store to run the model's blocks with (training mode)
     */
    public record Step(int index, NDManager manager, NDArray x0, NDArray label, RandomGenerator rng, Noise noise,
            ParameterStore store) {
        public int size() {
            return Math.toIntExact(x0.getShape().get(0));
        }
    }

    /**
     * What a step optimises and what it reports (they differ e.g. under a KL warm-up).
     *
     * @param objective scalar to minimise
     * @param reported scalar reported as the training loss (checked for NaN)
     */
    public record Loss(NDArray objective, NDArray reported) {
        public static Loss of(NDArray loss) {
            return new Loss(loss, loss);
        }
    }

    /** The loss of one step. */
    @FunctionalInterface
    public interface StepLoss {
        Loss apply(Step step);
    }

    private final String model;
    private final TrainingSet data;
    private final TrainingConfig config;
    private final int numClasses;
    private final StepLoss loss;
    private final RandomGenerator rng;
    private final Noise noise;
    private final TrainedWeights parameters;
    private final NDManager runManager;
    private final Ema ema;
    private final NDArray all;
    private int done;
    private boolean finished;

    /**
     * @param model model name, for messages
     * @param block the block whose parameters are trained (already initialised)
     * @param manager manager of the block's parameters
     * @param device device of the parameters
     * @param seed the model's seed; the run's draws come from node {@code "train"} of its {@link SeedTree}:
     *     batch indices, label dropout and Java-side draws from child {@code "batches"}, N(0, I) arrays from
     *     child {@code "noise"}
     * @param numClasses classes of the model (0: unconditional, labels are not built)
     */
    public TrainingRun(String model, Block block, NDManager manager, Device device, long seed, int numClasses,
            TrainingSet data, TrainingConfig config, StepLoss loss) {
        this.model = model;
        this.data = data;
        this.config = config;
        this.numClasses = numClasses;
        this.loss = loss;
        SeedTree train = SeedTree.root(seed).child("train");
        this.rng = train.child("batches").rng();
        this.noise = new Noise(train.child("noise"));
        AdamW.Builder builder = Optimizer.adamW()
                .optLearningRateTracker(new LearningRateSchedule(config))
                .optWeightDecays((float) config.weightDecay());
        if (config.gradClip() > 0) {
            builder.optClipGrad((float) config.gradClip());
        }
        this.parameters = TrainedWeights.of(block, manager, device, builder.build());
        this.runManager = manager.newSubManager();
        this.ema = new Ema(parameters.weights(), config.emaDecay(), manager);
        this.all = runManager.create(data.x(), new Shape(data.n(), data.dim()));
    }

    /**
     * One optimisation step on a batch drawn with replacement; returns its reported loss.
     *
     * @throws TrainingFailedException if the loss is NaN or infinite
     */
    public double step() {
        double reported;
        try (NDManager sm = runManager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            int[] idx = new int[config.batchSize()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = rng.nextInt(data.n());
            }
            NDArray x0 = all.get(sm.create(idx));
            x0.attach(sm);
            parameters.bind(sm);
            Loss l = loss.apply(new Step(done, sm, x0, labels(sm, idx), rng, noise, parameters.store()));
            reported = l.reported().getFloat();
            if (!Double.isFinite(reported)) {
                throw new TrainingFailedException(model + ": training loss became " + reported + " at step "
                        + (done + 1) + "; lower the learning rate or check the data");
            }
            collector.backward(l.objective());
        } finally {
            parameters.unbind();
        }
        parameters.update();
        if (config.emaDecay() > 0) {
            ema.update();
        }
        done++;
        return reported;
    }

    /** One-hot labels of the batch after CFG dropout; null for an unconditional model. */
    private NDArray labels(NDManager sm, int[] idx) {
        if (numClasses == 0) {
            return null;
        }
        int[] batch = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            batch[i] = data.labels() == null ? -1 : data.labels()[idx[i]];
        }
        return Labels.oneHot(sm, Labels.dropout(batch, config.labelDropout(), rng), numClasses);
    }

    /** Loads the EMA weights into the network (when EMA is on): the trained model samples with them. */
    public void finish() {
        if (config.emaDecay() > 0) {
            parameters.load(ema.averages());
        } else {
            parameters.sync();
        }
        finished = true;
    }

    /**
     * Runs every step, reporting each to {@code listener}, then {@link #finish()}es; the final loss is the
     * mean over the last 5% of steps (at least one).
     */
    public TrainResult run(TrainingListener listener) {
        int tail = Math.max(1, config.steps() / 20);
        double tailSum = 0;
        long start = System.nanoTime();
        for (int s = 0; s < config.steps(); s++) {
            double l = step();
            if (s >= config.steps() - tail) {
                tailSum += l;
            }
            listener.onStep(s + 1, config.steps(), l, config.learningRateAt(s));
        }
        finish();
        return new TrainResult(config.steps(), (System.nanoTime() - start) / 1e9, tailSum / tail);
    }

    @Override
    public void close() {
        try {
            if (!finished && done > 0) {
                // the network keeps the last weights, as when it was trained in place
                parameters.sync();
            }
        } finally {
            ema.close();
            runManager.close();
            parameters.close();
        }
    }
}
