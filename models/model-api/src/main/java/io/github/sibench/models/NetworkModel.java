package io.github.sibench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
    private final int outDim;

    /**
     * Builds and initialises the network with {@code context.seed()}.
     *
     * @param outDim output width of the network (e.g. {@code dim} for one head, {@code 2 dim} for two)
     */
    protected NetworkModel(ModelContext context, int outDim) {
        this.context = context;
        this.outDim = outDim;
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

    /**
     * Bytes that one generation batch may give to one array of its widest activation
     * ({@link io.github.sibench.models.backbone.Backbone#widestActivation}, twice that under guidance, which
     * evaluates the conditional and null inputs as one batch). 24 MiB keeps every array of a sampler step
     * below 32 MiB, glibc's upper bound (64-bit Linux) for serving an allocation from freed memory instead
     * of fresh pages from the system. Fresh pages cost far more than the arithmetic: on the 2-core test
     * machine one product of a 4,000 x 9,408 float array with a scalar took 340 ms out of place and 5 ms in
     * place, and EDM's Heun sampler spent 3.7-4.2 s per NFE on 4,000 such samples at once against 1.1 s in
     * batches of 400.
     */
    public static final long BATCH_BYTES = 24L << 20;

    /** Rows per generation batch of this model: {@link #batchRows(long)} of its widest activation. */
    public int batchRows(Guidance guidance) {
        long widest = context.backbone().widestActivation(context.shape(), outDim);
        return batchRows(guidance.conditional() ? 2 * widest : widest);
    }

    /** Rows of {@code widest} float values each that fit in {@link #BATCH_BYTES}, at least 1. */
    public static int batchRows(long widest) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, BATCH_BYTES / (Float.BYTES * widest)));
    }

    /** {@link #generate(SamplerSpec, int, Guidance, long, NDManager, int)} in batches of {@link #batchRows}. */
    @Override
    public Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager out) {
        return generate(sampler, n, guidance, seed, out, batchRows(guidance));
    }

    /**
     * Generates n points in batches of at most {@code rows}, each batch a run of the sampler on its rows,
     * without gradient recording. The start noise is drawn for all n points at once (node {@code "start"}
     * of the seed's tree) and then cut, so a deterministic sampler gives the same points however they are
     * batched; batch b draws its sampler noise from node {@code "sampler"/b}. The NFE reported is the mean
     * over points (batches of an adaptive sampler may take different numbers of steps).
     */
    public Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager out, int rows) {
        if (n < 1 || rows < 1) {
            throw new IllegalArgumentException(name() + ": need n >= 1 points and rows >= 1 per batch, got n=" + n
                    + ", rows=" + rows);
        }
        ClassifierFree.Inputs.check(guidance, n, context.numClasses(), name());
        int batch = Math.min(rows, n);
        ParameterStore store = new ParameterStore(manager, false);
        SeedTree draws = SeedTree.root(seed);
        try (NDManager scope = out.newSubManager()) {
            NDArray start = new Noise(draws.child("start")).normal(scope, new Shape(n, context.dim()));
            NDList parts = new NDList();
            long nfe = 0;
            for (int from = 0, b = 0; from < n; from += batch, b++) {
                int to = Math.min(n, from + batch);
                try (NDManager m = scope.newSubManager()) {
                    ClassifierFree.Inputs inputs = ClassifierFree.Inputs.of(m, guidance.rows(from, to), to - from,
                            context.numClasses(), name());
                    ModelFields fields = fields(inputs.bind((x, t, label) -> forward(store, x, t, label, false)));
                    NDArray first = start.get(new NDIndex().addSliceDim(from, to));
                    first.attach(m);
                    Noise noise = new Noise(draws.child("sampler").child(b));
                    Samples s = SamplerKind.generate(sampler, fields, first, noise);
                    s.x().attach(scope);
                    parts.add(s.x());
                    nfe += (long) s.nfe() * (to - from);
                }
            }
            NDArray x = parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 0);
            x.attach(out);
            return new Samples(x, Math.toIntExact(Math.round((double) nfe / n)));
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
