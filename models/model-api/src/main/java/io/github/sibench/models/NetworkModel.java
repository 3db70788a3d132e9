package io.github.sibench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import ai.djl.nn.AbstractBlock;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.guidance.ClassifierFree.LabelledNetwork;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.ModelFields;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingListener;
import io.github.sibench.models.train.TrainingRun;
import io.github.sibench.models.train.TrainingSet;
import java.util.random.RandomGenerator;

/**
 * Base of every model that is one backbone network ({@link ModelContext#backbone()}: the SwiGLU MLP or the
 * U-Net) trained by regression: owns the network and its
 * native memory, trains it with the shared {@link TrainingRun} and generates through the core samplers.
 * A subclass gives the loss of a batch and the fields of the trained network.
 */
public abstract class NetworkModel implements GenerativeModel {

    /**
     * One training batch. Every array made for the loss must live on {@code manager} (results of ops on
     * {@code x0} do).
     *
     * @param manager the step's manager, closed after the step
     * @param x0 data batch (B, dim)
     * @param label one-hot labels (B, numClasses + 1) with the null label in the last column, or null
     * @param rng the training run's generator for Java-side draws (e.g. times)
     * @param noise the training run's source of N(0, I) arrays
     * @param network the network in training mode; pass {@code label} through
     */
    public record Batch(NDManager manager, NDArray x0, NDArray label, RandomGenerator rng, Noise noise,
            LabelledNetwork network) {
        public int size() {
            return Math.toIntExact(x0.getShape().get(0));
        }

        /** A fresh N(0, I) array of the batch's shape on the step's manager, from the run's seed tree. */
        public NDArray gaussian() {
            return noise.normal(manager, x0.getShape());
        }
    }

    protected final ModelContext context;
    protected final AbstractBlock network;
    private final NDManager manager;
    private final Device device;

    /**
     * Builds and initialises the network with {@code context.seed()}.
     *
     * @param outDim output width of the network (e.g. {@code dim} for one head, {@code 2 dim} for two)
     */
    protected NetworkModel(ModelContext context, int outDim) {
        this.context = context;
        this.device = Device.fromName(context.device());
        this.manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed(SeedTree.root(context.seed()).child("init").engineSeed());
        this.network = context.backbone().network(context.shape(), outDim, context.numClasses());
        Shape x = new Shape(1, context.dim());
        Shape t = new Shape(1, 1);
        network.initialize(manager, DataType.FLOAT32, context.numClasses() > 0
                ? new Shape[] {x, t, new Shape(1, context.numClasses() + 1)} : new Shape[] {x, t});
    }

    /** Model name for messages. */
    protected abstract String name();

    /** The scalar loss of one batch. */
    protected abstract NDArray loss(Batch batch);

    /**
     * The trained network's fields (in training space), evaluated with {@code network}, whose conditioning
     * (labels and guidance) is already bound.
     */
    protected abstract ModelFields fields(BoundNetwork network);

    @Override
    public TrainResult train(TrainingSet data, TrainingConfig config, TrainingListener listener) {
        try (TrainingRun run = startTraining(data, config)) {
            return run.run(listener);
        }
    }

    /**
     * Starts a training run that the caller may advance one optimisation step at a time (what
     * {@link #train} does, exposed for step-level benchmarks).
     */
    public TrainingRun startTraining(TrainingSet data, TrainingConfig config) {
        if (data.dim() != context.dim()) {
            throw new IllegalArgumentException(name() + ": data has dimension " + data.dim() + ", model expects "
                    + context.dim());
        }
        return new TrainingRun(name(), network, manager, device, context.seed(), context.numClasses(), data, config,
                step -> TrainingRun.Loss.of(loss(new Batch(step.manager(), step.x0(), step.label(), step.rng(),
                        step.noise(), (x, t, label) -> forward(step.store(), x, t, label, true)))));
    }

    private NDArray forward(ParameterStore store, NDArray x, NDArray t, NDArray label, boolean training) {
        NDList in = label == null ? new NDList(x, t) : new NDList(x, t, label);
        return network.forward(store, in, training).singletonOrThrow();
    }

    /** Times as a (B, 1) column on {@code like}'s manager (for {@link #fields}). */
    protected static NDArray timeColumn(NDArray like, double t) {
        return like.getManager().full(new Shape(like.getShape().get(0), 1), (float) t);
    }

    @Override
    public Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager out) {
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager labels = out.newSubManager()) {
            ClassifierFree.Inputs inputs = ClassifierFree.Inputs.of(labels, guidance, n, context.numClasses(), name());
            ModelFields fields = fields(inputs.bind((x, t, label) -> forward(store, x, t, label, false)));
            SeedTree draws = SeedTree.root(seed);
            NDArray start = new Noise(draws.child("start")).normal(labels, new Shape(n, context.dim()));
            Samples s = SamplerKind.generate(sampler, fields, start, new Noise(draws.child("sampler")));
            s.x().attach(out);
            return s;
        }
    }

    @Override
    public String network() {
        return context.backbone().kind().configName();
    }

    @Override
    public void close() {
        manager.close();
    }
}
