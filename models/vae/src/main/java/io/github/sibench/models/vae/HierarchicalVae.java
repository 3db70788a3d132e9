package io.github.sibench.models.vae;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.AdamW;
import ai.djl.util.PairList;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.backbone.SwiGluMlp;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.guidance.ClassifierFree.LabelledNetwork;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.guidance.Labels;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingFailedException;
import io.github.sibench.models.train.TrainingListener;
import io.github.sibench.models.train.TrainingRun;
import io.github.sibench.models.train.TrainingSet;
import java.util.SplittableRandom;

/**
 * A hierarchical VAE with two stochastic layers (Tomczak and Welling, "VAE with a VampPrior", AISTATS
 * 2018, Fig. 1b) and a choice of three priors on the top latent.
 *
 * <p><b>Model.</b> Latents z1 (dimension {@code latentDim1}) and z2 ({@code latentDim2}); every
 * conditional is a diagonal Gaussian whose log-variance is clamped to [logVarMin, logVarMax]:
 *
 * <pre>
 *   encoder   q(z2 | x)          q(z1 | x, z2)
 *   decoder   p(z2) = prior      p(z1 | z2 [, y])      p(x | z1, z2 [, y]) = N(x; mu(z1, z2 [, y]), diag exp(s))
 * </pre>
 *
 * Each of the four conditionals is one {@link SwiGluMlp} of the context's backbone size whose output holds
 * mean and raw log-variance side by side (the decoder's: its mean, and with {@code network} variance its
 * log-variance too). The backbone's time input is fed a constant column of zeros: a VAE has no time, and a
 * constant time embedding acts as one more bias. The decoder's log-variance s is, per
 * {@link VaeConfig#decoderVariance()}: one learnable value per data dimension shared by all inputs
 * ({@code learned}, the default, starting at {@code decoderLogVar}); a second output head of the decoder,
 * per input and dimension, offset by {@code decoderLogVar} ({@code network}); or the constant
 * {@code decoderLogVar} ({@code fixed}). The encoders' output layers are Xavier-initialised (SwiGluMlp
 * starts its output layer at zero, which for an encoder is the posterior-collapse point q(z | x) = N(0, I)).
 *
 * <p><b>Priors on z2</b>, with N the diagonal Gaussian density:
 *
 * <ul>
 *   <li>{@code normal}: {@code log p(z) = -1/2 sum_j (z_j^2 + log 2 pi)};
 *   <li>{@code mog}: {@code p(z) = sum_k w_k N(z; m_k, diag exp(l_k))} with K learnable means (initialised
 *       N(0, 1)), K learnable log-variances (initialised 0, clamped) and learnable weights
 *       {@code w = softmax(a)} (logits a initialised 0, so the mixture starts uniform);
 *   <li>{@code vamp}: {@code p(z) = (1/K) sum_k q(z | u_k)} with K learnable pseudo-inputs u_k in data
 *       space, initialised N(0, 1) (the data are z-scored, so that is their scale), passed through the top
 *       encoder q(z2 | .) with the rest of the network.
 * </ul>
 *
 * Mixture log-densities are log-sum-exps over components ({@code log sum_k exp(c_k) = M + log sum_k
 * exp(c_k - M)}, M the largest c_k), composed from DJL ops.
 *
 * <p><b>Training</b> maximises the ELBO with one reparameterised sample z2 ~ q(z2 | x), z1 ~ q(z1 | x,
 * z2): {@code ELBO = log p(x | z1, z2) + log p(z1 | z2) + log p(z2) - log q(z1 | x, z2) - log q(z2 | x)},
 * every term summed over its dimensions. The objective is {@code -(log p(x | z1, z2) + b (latent terms))}
 * averaged over the batch, with b = beta after an optional linear KL warm-up ({@code klWarmup}); the loss
 * reported to the listener and in {@link TrainResult#finalLoss()} is the negative ELBO per sample, in
 * nats, summed over dimensions (b = 1 whatever beta and the warm-up). The loop is {@code NetworkModel}'s:
 * AdamW with the config's warm-up and linear decay, an EMA of every parameter (networks, decoder variance,
 * prior parameters and pseudo-inputs) loaded for sampling, one sub-manager per step so that native memory
 * stays flat, and a {@link TrainingFailedException} when the loss becomes NaN or infinite.
 *
 * <p><b>Generation</b> is ancestral: z2 from the prior, z1 ~ p(z1 | z2), and x = the decoder's mean (no
 * decoder noise is added: the seed generates the mean). It is one decoder pass, so NFE = 1; run
 * configurations name the sampler {@code ancestral}, but any sampler is accepted and its kind and settings
 * are ignored. The MoG prior picks a component by its weight, the VampPrior a
 * pseudo-input uniformly, then draws from that Gaussian. All draws come from a Java generator seeded with
 * the generation seed, in the same order whatever the guidance.
 *
 * <p><b>Labels.</b> With {@code numClasses > 0}, p(z1 | z2) and the decoder take the one-hot label with a
 * null column; training replaces labels by the null label with probability
 * {@link TrainingConfig#labelDropout()}. The encoders and the prior are unconditional. With
 * {@code Guidance.of(labels, w)}, both label-conditioned networks are guided, {@code out = out_null + w
 * (out_cond - out_null)} on their raw outputs (the log-variance of p(z1 | z2) is clamped after guiding), so
 * the decoder mean is {@code mean_null + w (mean_cond - mean_null)}, w = 1 is exactly the conditional
 * model and w = 0 exactly the null (unconditional) one.
 */
public final class HierarchicalVae implements GenerativeModel {

    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private final VaeConfig config;
    private final ModelContext context;
    private final Device device;
    private final NDManager manager;
    private final Networks nets;
    private final int dim;
    private final int d1;
    private final int d2;
    private final int classes;

    /** Builds the networks and prior parameters, initialised with {@code context.seed()}. */
    public HierarchicalVae(VaeConfig config, ModelContext context) {
        this.config = config;
        this.context = context;
        this.dim = context.dim();
        this.d1 = config.latentDim1();
        this.d2 = config.latentDim2();
        this.classes = context.numClasses();
        this.device = Device.fromName(context.device());
        this.manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed(Math.toIntExact(Math.floorMod(context.seed(), Integer.MAX_VALUE)));
        this.nets = new Networks(config, context);
        nets.initialize(manager, DataType.FLOAT32, new Shape(1, dim));
    }

    /** Model name for messages, e.g. {@code vae(vamp)}. */
    private String name() {
        return VaeFactory.NAME + "(" + config.prior().configName() + ")";
    }

    public VaeConfig config() {
        return config;
    }

    // ---------------------------------------------------------------------------------------------
    // Training

    @Override
    public TrainResult train(TrainingSet data, TrainingConfig training, TrainingListener listener) {
        if (data.dim() != dim) {
            throw new IllegalArgumentException(name() + ": data has dimension " + data.dim() + ", model expects " + dim);
        }
        try (TrainingRun run = new TrainingRun(name(), nets, manager, device, context.seed(), classes, data, training,
                step -> {
                    Elbo terms = elbo(step.x0(), step.label(), step.store(), true);
                    NDArray negElbo = terms.reconstruction().add(terms.latent()).mean().neg();
                    double weight = klWeight(step.index(), training.steps());
                    NDArray objective = weight == 1 ? negElbo
                            : terms.reconstruction().add(times(terms.latent(), weight)).mean().neg();
                    return new TrainingRun.Loss(objective, negElbo);
                })) {
            return run.run(listener);
        }
    }

    /** Weight of the latent terms at {@code step}: beta, ramped up linearly from 0 over the KL warm-up. */
    double klWeight(int step, int steps) {
        double warmup = config.klWarmup() * steps;
        return warmup >= 1 && step < warmup ? config.beta() * (step + 1) / warmup : config.beta();
    }

    /** Per-sample terms of the ELBO, each of shape (B): log p(x | z1, z2) and the latent terms. */
    private record Elbo(NDArray reconstruction, NDArray latent) {}

    /**
     * The ELBO's terms for the batch {@code x} with one reparameterised sample; every array lives on
     * {@code x}'s manager.
     */
    private Elbo elbo(NDArray x, NDArray label, ParameterStore ps, boolean training) {
        NDManager m = x.getManager();
        long b = x.getShape().get(0);
        Normal q2 = head(forward(nets.topEncoder, ps, x, null, training));
        NDArray z2 = q2.sample(m.randomNormal(new Shape(b, d2)));
        Normal q1 = head(forward(nets.bottomEncoder, ps, x.concat(z2, 1), null, training));
        NDArray z1 = q1.sample(m.randomNormal(new Shape(b, d1)));
        Normal p1 = head(forward(nets.latentPrior, ps, z2, label, training));
        NDArray reconstruction = decoderGaussian(forward(nets.decoder, ps, z1.concat(z2, 1), label, training), ps,
                training).logDensity(x);
        NDArray latent = p1.logDensity(z1).add(logPrior(z2, ps, training)).sub(q1.logDensity(z1)).sub(q2.logDensity(z2));
        return new Elbo(reconstruction, latent);
    }

    /**
     * p(x | z1, z2) from the decoder network's output: (B, 2 dim) mean and raw log-variance for
     * {@code network}, offset by {@code decoderLogVar} so that it starts there; (B, dim) mean otherwise,
     * with the per-dimension (1, dim) parameter ({@code learned}) or the constant ({@code fixed}).
     */
    private Normal decoderGaussian(NDArray out, ParameterStore ps, boolean training) {
        NDManager m = out.getManager();
        switch (config.decoderVariance()) {
            case NETWORK: {
                NDList halves = out.split(2, 1);
                return new Normal(halves.get(0), clamp(plus(halves.get(1), config.decoderLogVar())));
            }
            case LEARNED:
                return new Normal(out, clamp(local(m, ps, nets.decoderLogVar, training)));
            case FIXED:
                return new Normal(out, m.full(new Shape(1, dim), (float) config.decoderLogVar()));
            default:
                throw new IllegalStateException("unknown decoder variance " + config.decoderVariance());
        }
    }

    /** The decoder's mean from its network output. */
    private NDArray decoderMean(NDArray out) {
        return config.decoderVariance() == VaeConfig.DecoderVariance.NETWORK ? out.split(2, 1).get(0) : out;
    }

    /** log p(z2) for each row of {@code z2} (B, d2): shape (B), on z2's manager. */
    private NDArray logPrior(NDArray z2, ParameterStore ps, boolean training) {
        NDManager m = z2.getManager();
        switch (config.prior()) {
            case NORMAL:
                return times(plus(z2.square(), LOG_2PI).sum(new int[] {1}), -0.5);
            case MOG: {
                NDArray logits = local(m, ps, nets.mogLogits, training);
                NDArray logWeights = logits.sub(logSumExp(logits).expandDims(1));
                return mixture(z2, local(m, ps, nets.mogMeans, training),
                        clamp(local(m, ps, nets.mogLogVars, training)), logWeights);
            }
            case VAMP: {
                Normal q = head(forward(nets.topEncoder, ps, local(m, ps, nets.pseudoInputs, training), null, training));
                int k = config.components();
                return mixture(z2, q.mean(), q.logVar(), m.full(new Shape(1, k), (float) -Math.log(k)));
            }
            default:
                throw new IllegalStateException("unknown prior " + config.prior());
        }
    }

    /**
     * {@code log sum_k exp(logWeights_k) N(z; means_k, diag exp(logVars_k))} for each row of z (B, d), with
     * means and logVars (K, d) and logWeights (1, K): shape (B).
     */
    private static NDArray mixture(NDArray z, NDArray means, NDArray logVars, NDArray logWeights) {
        NDArray scaled = z.expandDims(1).sub(means.expandDims(0)).square()
                .mul(logVars.neg().exp().expandDims(0))
                .add(logVars.expandDims(0));
        NDArray components = times(plus(scaled, LOG_2PI).sum(new int[] {2}), -0.5);
        return logSumExp(components.add(logWeights));
    }

    /** {@code log sum_k exp(a_k)} over axis 1 of (B, K), with the row maximum subtracted first: shape (B). */
    private static NDArray logSumExp(NDArray a) {
        NDArray max = a.max(new int[] {1}, true);
        return a.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    // ---------------------------------------------------------------------------------------------
    // Generation

    @Override
    public Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager out) {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager g = out.newSubManager()) {
            ClassifierFree.Inputs inputs = ClassifierFree.Inputs.of(g, guidance, n, classes, name());
            NDArray x = ancestral(g, ps, n, seed, inputs.bind(labelled(nets.latentPrior, ps)),
                    inputs.bind(labelled(nets.decoder, ps)));
            x.attach(out);
            return new Samples(x, 1);
        }
    }

    /**
     * Generation with fixed labels and no guidance arithmetic: p(z1 | z2) and the decoder see
     * {@code labels} (-1 the null label) directly. For tests: it is what w = 1 (class labels) and w = 0
     * (all null) must reproduce.
     */
    Samples generateWithLabels(int n, int[] labels, long seed, NDManager out) {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager g = out.newSubManager()) {
            NDArray label = Labels.oneHot(g, labels, classes);
            NDArray x = ancestral(g, ps, n, seed,
                    (z, t) -> labelled(nets.latentPrior, ps).apply(z, t, label),
                    (z, t) -> labelled(nets.decoder, ps).apply(z, t, label));
            x.attach(out);
            return new Samples(x, 1);
        }
    }

    private LabelledNetwork labelled(SwiGluMlp net, ParameterStore ps) {
        return (x, t, label) -> net.forward(ps, label == null ? new NDList(x, t) : new NDList(x, t, label), false)
                .singletonOrThrow();
    }

    /** Ancestral sampling z2 ~ p(z2), z1 ~ p(z1 | z2), x = decoder mean, with the bound networks. */
    private NDArray ancestral(NDManager g, ParameterStore ps, int n, long seed, BoundNetwork latentPrior,
            BoundNetwork decoder) {
        SplittableRandom rng = new SplittableRandom(seed);
        NDArray z2 = samplePrior(g, ps, n, rng);
        NDArray t = g.zeros(new Shape(n, 1));
        Normal p1 = head(latentPrior.apply(z2, t));
        NDArray z1 = p1.sample(gaussian(g, rng, n, d1));
        return decoderMean(decoder.apply(z1.concat(z2, 1), t));
    }

    /** n draws of the prior on z2, on {@code g}: component indices first (mixtures), then the noise. */
    private NDArray samplePrior(NDManager g, ParameterStore ps, int n, SplittableRandom rng) {
        int k = config.components();
        switch (config.prior()) {
            case NORMAL:
                return gaussian(g, rng, n, d2);
            case MOG: {
                double[] w = mogWeights();
                int[] comp = new int[n];
                for (int i = 0; i < n; i++) {
                    comp[i] = categorical(w, rng.nextDouble());
                }
                NDArray eps = gaussian(g, rng, n, d2);
                NDArray idx = g.create(comp);
                NDArray means = g.create(nets.mogMeans.getArray().toFloatArray(), new Shape(k, d2)).get(idx);
                NDArray logVars = clamp(g.create(nets.mogLogVars.getArray().toFloatArray(), new Shape(k, d2))).get(idx);
                return new Normal(means, logVars).sample(eps);
            }
            case VAMP: {
                int[] comp = new int[n];
                for (int i = 0; i < n; i++) {
                    comp[i] = rng.nextInt(k);
                }
                NDArray eps = gaussian(g, rng, n, d2);
                NDArray idx = g.create(comp);
                NDArray u = g.create(nets.pseudoInputs.getArray().toFloatArray(), new Shape(k, dim));
                Normal q = head(forward(nets.topEncoder, ps, u, null, false));
                return new Normal(q.mean().get(idx), q.logVar().get(idx)).sample(eps);
            }
            default:
                throw new IllegalStateException("unknown prior " + config.prior());
        }
    }

    private static int categorical(double[] weights, double u) {
        double c = 0;
        for (int k = 0; k < weights.length; k++) {
            c += weights[k];
            if (u < c) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** (n, d) standard normal draws from {@code rng}, on {@code g}. */
    private static NDArray gaussian(NDManager g, SplittableRandom rng, int n, int d) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return g.create(v, new Shape(n, d));
    }

    // ---------------------------------------------------------------------------------------------
    // Inspection (package-private, for tests)

    /** log p(z2) of n points z (row-major, n * latentDim2), evaluated with the DJL ops used in training. */
    double[] logPriorDensity(float[] z, int n) {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager g = manager.newSubManager()) {
            float[] f = logPrior(g.create(z, new Shape(n, d2)), ps, false).toFloatArray();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
            return out;
        }
    }

    /** Mean and clamped log-variance of q(z2 | x) for n points x (row-major): {mean, logVar}, each n * d2. */
    float[][] topPosterior(float[] x, int n) {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager g = manager.newSubManager()) {
            Normal q = head(forward(nets.topEncoder, ps, g.create(x, new Shape(n, dim)), null, false));
            return new float[][] {q.mean().toFloatArray(), q.logVar().toFloatArray()};
        }
    }

    /** The VampPrior's pseudo-inputs, K * dim row-major (null for other priors). */
    float[] pseudoInputs() {
        return nets.pseudoInputs == null ? null : nets.pseudoInputs.getArray().toFloatArray();
    }

    /** The MoG prior's means, K * d2 row-major (null for other priors). */
    float[] mogMeans() {
        return nets.mogMeans == null ? null : nets.mogMeans.getArray().toFloatArray();
    }

    /** The MoG prior's unclamped log-variances, K * d2 row-major (null for other priors). */
    float[] mogLogVars() {
        return nets.mogLogVars == null ? null : nets.mogLogVars.getArray().toFloatArray();
    }

    /** The MoG prior's weight logits a, K values (null for other priors). */
    float[] mogLogits() {
        return nets.mogLogits == null ? null : nets.mogLogits.getArray().toFloatArray();
    }

    /** The MoG prior's mixture weights softmax(a). */
    private double[] mogWeights() {
        if (nets.mogLogits == null) {
            return null;
        }
        float[] a = nets.mogLogits.getArray().toFloatArray();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] w = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            w[k] = Math.exp(a[k] - max);
            sum += w[k];
        }
        for (int k = 0; k < a.length; k++) {
            w[k] /= sum;
        }
        return w;
    }

    // ---------------------------------------------------------------------------------------------
    // Building blocks

    /** A diagonal Gaussian with (clamped) log-variance; arrays (B, d). */
    private record Normal(NDArray mean, NDArray logVar) {

        /** Reparameterised draw {@code mean + exp(logVar / 2) eps}. */
        NDArray sample(NDArray eps) {
            return mean.add(times(logVar, 0.5).exp().mul(eps));
        }

        /** {@code log N(x; mean, diag exp(logVar))} summed over dimensions: shape (B). */
        NDArray logDensity(NDArray x) {
            NDArray scaled = x.sub(mean).square().mul(logVar.neg().exp()).add(logVar);
            return times(plus(scaled, LOG_2PI).sum(new int[] {1}), -0.5);
        }
    }

    /**
     * {@code a * v} with the scalar as a native array on {@code a}'s manager. Never {@code a.mul(Number)} on
     * arrays in the autograd graph: DJL's PyTorch engine makes the scalar a zero-copy view of a Java
     * direct buffer and closes it right after the op, while autograd keeps it for the backward pass, so
     * the garbage collector can free that memory before {@code backward} reads it (gradients become
     * garbage, the loss NaN, at random steps).
     */
    private static NDArray times(NDArray a, double v) {
        return a.mul(a.getManager().full(new Shape(), (float) v));
    }

    /** {@code a + v}, with the scalar made as in {@link #times}. */
    private static NDArray plus(NDArray a, double v) {
        return a.add(a.getManager().full(new Shape(), (float) v));
    }

    /** Splits a network output (B, 2d) into mean and clamped log-variance. */
    private Normal head(NDArray out) {
        NDList halves = out.split(2, 1);
        return new Normal(halves.get(0), clamp(halves.get(1)));
    }

    private NDArray clamp(NDArray logVar) {
        return logVar.clip(config.logVarMin(), config.logVarMax());
    }

    /** Runs {@code net} on {@code in} with a constant zero time column (and the label when it takes one). */
    private static NDArray forward(SwiGluMlp net, ParameterStore ps, NDArray in, NDArray label, boolean training) {
        NDArray t = in.getManager().zeros(new Shape(in.getShape().get(0), 1));
        NDList inputs = net.numClasses() > 0 ? new NDList(in, t, label) : new NDList(in, t);
        return net.forward(ps, inputs, training).singletonOrThrow();
    }

    /**
     * A parameter's value as a new array on {@code m}, gradients flowing back to the parameter. Ops
     * attach their result to the first operand's manager, so computing directly on the parameter would
     * leave every intermediate on the model's manager (native memory growing each step).
     */
    private NDArray local(NDManager m, ParameterStore ps, Parameter p, boolean training) {
        NDArray value = ps.getValue(p, device, training);
        return m.zeros(value.getShape()).add(value);
    }

    /**
     * The four conditionals and the learnable parameters of the decoder variance and the prior, as one
     * block so that the optimiser and the EMA see every parameter. Not meant to be run as a block: the
     * model composes the parts.
     */
    static final class Networks extends AbstractBlock {

        /** q(z2 | x): x to (mean, raw log-variance) of z2. */
        final SwiGluMlp topEncoder;
        /** q(z1 | x, z2). */
        final SwiGluMlp bottomEncoder;
        /** p(z1 | z2 [, y]). */
        final SwiGluMlp latentPrior;
        /** p(x | z1, z2 [, y]): mean, and raw log-variance when {@code learned}. */
        final SwiGluMlp decoder;
        /** (1, dim) decoder log-variance when {@code shared}, else null. */
        final Parameter decoderLogVar;
        /** MoG prior: (K, d2) means and log-variances, (1, K) weight logits; null for other priors. */
        final Parameter mogMeans;
        final Parameter mogLogVars;
        final Parameter mogLogits;
        /** VampPrior: (K, dim) pseudo-inputs; null for other priors. */
        final Parameter pseudoInputs;
        private final int dim;

        Networks(VaeConfig config, ModelContext context) {
            this.dim = context.dim();
            int d1 = config.latentDim1();
            int d2 = config.latentDim2();
            int k = config.components();
            int classes = context.numClasses();
            BackboneConfig backbone = context.backbone();
            topEncoder = addChildBlock("q_z2", encoder(new SwiGluMlp(dim, 2 * d2, 0, backbone)));
            bottomEncoder = addChildBlock("q_z1", encoder(new SwiGluMlp(dim + d2, 2 * d1, 0, backbone)));
            latentPrior = addChildBlock("p_z1", new SwiGluMlp(d2, 2 * d1, classes, backbone));
            boolean head = config.decoderVariance() == VaeConfig.DecoderVariance.NETWORK;
            decoder = addChildBlock("p_x", new SwiGluMlp(d1 + d2, head ? 2 * dim : dim, classes, backbone));
            decoderLogVar = config.decoderVariance() == VaeConfig.DecoderVariance.LEARNED
                    ? parameter("decoder_logvar", new Shape(1, dim), new ConstantInitializer((float) config.decoderLogVar()))
                    : null;
            boolean mog = config.prior() == VaeConfig.Prior.MOG;
            mogMeans = mog ? parameter("mog_means", new Shape(k, d2), new NormalInitializer(1)) : null;
            mogLogVars = mog ? parameter("mog_logvars", new Shape(k, d2), new ConstantInitializer(0)) : null;
            mogLogits = mog ? parameter("mog_logits", new Shape(1, k), new ConstantInitializer(0)) : null;
            pseudoInputs = config.prior() == VaeConfig.Prior.VAMP
                    ? parameter("pseudo_inputs", new Shape(k, dim), new NormalInitializer(1))
                    : null;
        }

        /**
         * An encoder with every weight Xavier-initialised, its output layer included: SwiGluMlp starts its
         * output layer at zero, which for an encoder means q(z | x) = N(0, I) for every x, the
         * posterior-collapse point where neither the encoder nor the decoder gets a gradient towards using
         * z; a short run does not leave it.
         */
        private static SwiGluMlp encoder(SwiGluMlp net) {
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            return net;
        }

        private Parameter parameter(String name, Shape shape, Initializer init) {
            return addParameter(Parameter.builder()
                    .setName(name)
                    .setType(Parameter.Type.OTHER)
                    .optShape(shape)
                    .optInitializer(init)
                    .build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            throw new UnsupportedOperationException("the VAE's networks are run one by one by HierarchicalVae");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            for (SwiGluMlp net : new SwiGluMlp[] {topEncoder, bottomEncoder, latentPrior, decoder}) {
                net.initialize(manager, dataType, net.inputShapes(1));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
