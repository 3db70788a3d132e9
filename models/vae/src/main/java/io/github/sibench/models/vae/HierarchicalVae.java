package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.Scalars.times;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingFailedException;
import io.github.sibench.models.train.TrainingListener;
import io.github.sibench.models.train.TrainingRun;
import io.github.sibench.models.train.TrainingSet;
import java.util.random.RandomGenerator;

/**
 * A hierarchical VAE with two stochastic layers (Tomczak and Welling, "VAE with a VampPrior", AISTATS
 * 2018, Fig. 1b) and a choice of three priors on the top latent; registered as {@code vae} and labelled
 * {@code vae(normal)}, {@code vae(mog)} or {@code vae(vamp)}.
 *
 * <p><b>Model.</b> Latents z1 ({@code latentDim1}) and z2 ({@code latentDim2}), optional class label y:
 *
 * <pre>
 *   inference   q(z1, z2 | x) = q(z2 | x) q(z1 | x, z2)
 *   generative  p(x, z1, z2 | y) = p(z2) p(z1 | z2, y) p(x | z1, z2, y)
 * </pre>
 *
 * Every conditional is a diagonal Gaussian {@code N(mu, diag exp(s))} computed by a network
 * ({@link VaeNetworks}), with its log-variance s clamped to [logVarMin, logVarMax], [-10, 10] by default
 * ({@link LogVarClamp}); {@code log N(x; mu, diag exp(s)) = -1/2 sum_j [(x_j - mu_j)^2 exp(-s_j) + s_j +
 * log 2 pi]} ({@link DiagonalGaussian}). The prior p(z2) is a {@link TopPrior} chosen by
 * {@link VaeConfig#prior()}: N(0, I) ({@link NormalPrior}), a learnable mixture of Gaussians
 * ({@link MixturePrior}) or the VampPrior ({@link VampPrior}).
 *
 * <p><b>Training</b> maximises the evidence lower bound (Kingma and Welling, "Auto-Encoding Variational
 * Bayes", 2014)
 *
 * <pre>
 *   ELBO(x) = E_q[log p(x | z1, z2)] - E_q(z2 | x)[KL(q(z1 | x, z2) || p(z1 | z2))] - KL(q(z2 | x) || p(z2))
 * </pre>
 *
 * estimated with one reparameterised draw {@code z2 = mu + exp(s / 2) eps2} from q(z2 | x), then
 * {@code z1 = mu' + exp(s' / 2) eps1} from q(z1 | x, z2), eps ~ N(0, I): the KL terms become
 * {@code log q(z1 | x, z2) - log p(z1 | z2)} and {@code log q(z2 | x) - log p(z2)} (single-sample estimates for
 * every prior: the mixture priors have no closed-form KL). Every term is summed over its dimensions. The step
 * minimises {@code mean over the batch of -(log p(x | z1, z2) + b (log p(z1 | z2) + log p(z2) - log q(z1 |
 * x, z2) - log q(z2 | x)))} with b = {@link VaeConfig#klWeight} (beta, ramped up over an optional KL
 * warm-up); the loss reported to the listener and in {@link TrainResult#finalLoss()} is the negative ELBO
 * per sample in nats (b = 1 whatever beta and the warm-up). The loop is {@link TrainingRun}: AdamW with the
 * config's warm-up and linear decay, an EMA of every parameter (networks, decoder variance and prior
 * parameters) loaded for sampling, one sub-manager per step so that native memory stays flat, and a
 * {@link TrainingFailedException} when the loss becomes NaN or infinite.
 *
 * <p><b>Generation</b> is ancestral and needs the {@code ancestral} sampler (any other is refused): z2 from
 * the prior, {@code z1 = mu(z2) + exp(s(z2) / 2) eps} from p(z1 | z2), and x = the decoder's mean (no
 * decoder noise is added: the seed generates the mean). It is one decoder pass, so NFE = 1.
 *
 * <p><b>Labels.</b> With {@code numClasses > 0}, p(z1 | z2) and the decoder take the one-hot label with a
 * null column; training replaces labels by the null label with probability
 * {@link TrainingConfig#labelDropout()}. The encoders and the prior are unconditional. Guided generation
 * (Ho and Salimans, "Classifier-Free Diffusion Guidance", 2022) guides both label-conditioned networks on
 * their raw outputs, {@code out = out_null + w (out_cond - out_null)}, and clamps the log-variance of
 * p(z1 | z2) after guiding; so the decoder mean is {@code mean_null + w (mean_cond - mean_null)}, w = 1 is
 * exactly the conditional model and w = 0 exactly the null (unconditional) one.
 *
 * <p><b>Where things are.</b> This class connects the model to the benchmark: the training loop, the
 * sampler check, the guidance inputs and the randomness. The model itself is {@link VaeNetworks} (the
 * conditionals, {@link VaeNetworks#elbo} and {@link VaeNetworks#ancestral}), the priors are
 * {@link TopPrior} implementations, the settings {@link VaeConfig}.
 *
 * <p><b>Randomness.</b> Every draw comes from a {@link SeedTree}. Parameters are initialised from node
 * {@code "init"} of the tree of {@code context.seed()}; batches, label dropout and the reparameterisation
 * noise eps2, eps1 of each step come from the {@link TrainingRun} (its {@code Step.noise()}); generation
 * draws the prior's and z1's noise from node {@code "noise"} of the generation seed's tree
 * ({@link #generationNoise}) and picks mixture components from node {@code "components"}
 * ({@link #componentChoices}). Draw k of a node depends on the node and k only, and a generation draws the
 * same whatever the labels and the guidance weight.
 */
public final class HierarchicalVae implements GenerativeModel {

    private final VaeConfig config;
    private final ModelContext context;
    private final Device device;
    private final NDManager manager;
    private final VaeNetworks nets;
    private final int dim;

    /** Builds the networks and prior parameters, initialised with {@code context.seed()}. */
    public HierarchicalVae(VaeConfig config, ModelContext context) {
        this.config = config;
        this.context = context;
        this.dim = context.dim();
        this.device = Device.fromName(context.device());
        this.manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed(SeedTree.root(context.seed()).child("init").engineSeed());
        this.nets = new VaeNetworks(config, context);
        nets.initialize(manager, DataType.FLOAT32, new Shape(1, dim));
    }

    /** Model name for messages, e.g. {@code vae(vamp)}. */
    private String name() {
        return VaeFactory.NAME + "(" + config.prior().configName() + ")";
    }

    // ---------------------------------------------------------------------------------------------
    // Training

    @Override
    public TrainResult train(TrainingSet data, TrainingConfig training, TrainingListener listener) {
        if (data.dim() != dim) {
            throw new IllegalArgumentException(name() + ": data has dimension " + data.dim() + ", model expects " + dim);
        }
        try (TrainingRun run = new TrainingRun(name(), nets, manager, device, context.seed(), context.numClasses(),
                data, training, step -> {
                    Pass pass = new Pass(step.store(), device, true);
                    StandardNormal noise = (m, rows, cols) -> step.noise().normal(m, new Shape(rows, cols));
                    VaeNetworks.Elbo terms = nets.elbo(step.x0(), step.label(), noise, pass);
                    NDArray negElbo = terms.reconstruction().add(terms.latent()).mean().neg();
                    double weight = config.klWeight(step.index(), training.steps());
                    NDArray objective = weight == 1 ? negElbo
                            : terms.reconstruction().add(times(terms.latent(), weight)).mean().neg();
                    return new TrainingRun.Loss(objective, negElbo);
                })) {
            return run.run(listener);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Generation

    /**
     * Ancestral generation; NFE = 1.
     *
     * @throws UnsupportedOperationException for any sampler but {@code ancestral}, or labels asked of a
     *     model without classes
     */
    @Override
    public Samples generate(SamplerSpec sampler, int n, Guidance guidance, long seed, NDManager out) {
        if (sampler.kind() != SamplerKind.ANCESTRAL) {
            throw new UnsupportedOperationException(name() + " cannot run sampler '" + sampler.name()
                    + "': a VAE generates in one decoder pass; use sampler '"
                    + SamplerKind.ANCESTRAL.configName() + "'");
        }
        Pass pass = Pass.inference(manager, device);
        try (NDManager g = out.newSubManager()) {
            ClassifierFree.Inputs inputs = ClassifierFree.Inputs.of(g, guidance, n, context.numClasses(), name());
            NDArray x = nets.ancestral(g, n, inputs, componentChoices(seed), generationNoise(seed), pass);
            x.attach(out);
            return new Samples(x, 1);
        }
    }

    /** The N(0, I) draws of one generation: node {@code "noise"} of the generation seed's tree. */
    private static StandardNormal generationNoise(long seed) {
        Noise noise = new Noise(SeedTree.root(seed).child("noise"));
        return (m, rows, cols) -> noise.normal(m, new Shape(rows, cols));
    }

    /** The mixture component choices of one generation: node {@code "components"} of the generation seed's tree. */
    private static RandomGenerator componentChoices(long seed) {
        return SeedTree.root(seed).child("components").rng();
    }

    /**
     * Always SwiGLU MLPs ({@link ModelContext#mlp()} scaled by {@link VaeConfig#widthScale()}), whatever the
     * configured backbone.
     */
    @Override
    public String network() {
        return "mlp(H=" + config.network(context.mlp()).hidden() + ")";
    }

    @Override
    public void close() {
        manager.close();
    }
}
