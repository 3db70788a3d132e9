package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.Scalars.plus;

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
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.backbone.SwiGluMlp;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.guidance.ClassifierFree.LabelledNetwork;
import io.github.sibench.models.vae.VaeConfig.DecoderVariance;
import java.util.random.RandomGenerator;

/**
 * Every learnable part of {@link HierarchicalVae}, as one block so that the optimiser and the EMA see every
 * parameter: the four Gaussian conditionals, the decoder's log-variance ({@code learned} mode) and the
 * prior's parameters, with the two passes through them: the ELBO's terms ({@link #elbo}) and ancestral
 * sampling ({@link #ancestral}). It is not run as a block. It draws nothing itself: the caller supplies
 * the standard normals and the component choices.
 *
 * <p>Each conditional is one {@link SwiGluMlp} of the context's MLP size ({@link ModelContext#mlp()}: the
 * configured MLP, or {@link io.github.sibench.models.backbone.BackboneConfig#FALLBACK} when the run uses
 * the U-Net, so the VAE is an MLP model on images too), its width scaled by {@link VaeConfig#widthScale()}, run with a zero time column
 * ({@link Pass#run}), whose output holds the mean and the raw log-variance side by side
 * ({@link DiagonalGaussian#fromHead}, clamped):
 *
 * <pre>
 *   q(z2 | x)               x            to  2 latentDim2      (top encoder)
 *   q(z1 | x, z2)           [x, z2]      to  2 latentDim1      (bottom encoder)
 *   p(z1 | z2 [, y])        z2           to  2 latentDim1      (takes the label when the model has classes)
 *   p(x | z1, z2 [, y])     [z1, z2]     to  dim, or 2 dim with {@code network} variance
 * </pre>
 *
 * The decoder's log-variance s is, per {@link VaeConfig#decoderVariance()}: {@code learned} one parameter
 * per data dimension shared by all inputs, starting at {@code decoderLogVar}, clamped; {@code network} the
 * decoder's second output half plus {@code decoderLogVar} (so that it starts there), clamped; {@code fixed}
 * the constant {@code decoderLogVar}. The encoders' output layers are Xavier-initialised: SwiGluMlp starts
 * its output layer at zero, which for an encoder is q(z | x) = N(0, I) for every x, the posterior-collapse
 * point where neither encoder nor decoder gets a gradient towards using z, and a short run does not leave it.
 */
final class VaeNetworks extends AbstractBlock {

    private final SwiGluMlp topEncoder;
    private final SwiGluMlp bottomEncoder;
    private final SwiGluMlp latentPrior;
    private final SwiGluMlp decoder;
    /** (1, dim) decoder log-variance for {@code learned}, else null. */
    private final Parameter decoderLogVar;
    private final TopPrior prior;
    private final LogVarClamp clamp;
    private final DecoderVariance decoderVariance;
    private final double decoderLogVarInit;
    private final int dim;
    private final int d1;
    private final int d2;

    /** Builds the parts; their parameters are initialised by {@code initialize}, own parameters first. */
    VaeNetworks(VaeConfig config, ModelContext context) {
        this.dim = context.dim();
        this.clamp = LogVarClamp.of(config);
        this.decoderVariance = config.decoderVariance();
        this.decoderLogVarInit = config.decoderLogVar();
        this.d1 = config.latentDim1();
        this.d2 = config.latentDim2();
        int classes = context.numClasses();
        BackboneConfig backbone = config.network(context.mlp());
        topEncoder = addChildBlock("q_z2", encoder(new SwiGluMlp(dim, 2 * d2, 0, backbone)));
        bottomEncoder = addChildBlock("q_z1", encoder(new SwiGluMlp(dim + d2, 2 * d1, 0, backbone)));
        latentPrior = addChildBlock("p_z1", new SwiGluMlp(d2, 2 * d1, classes, backbone));
        boolean head = decoderVariance == DecoderVariance.NETWORK;
        decoder = addChildBlock("p_x", new SwiGluMlp(d1 + d2, head ? 2 * dim : dim, classes, backbone));
        decoderLogVar = decoderVariance == DecoderVariance.LEARNED
                ? addParameter(parameter("decoder_logvar", new Shape(1, dim),
                        new ConstantInitializer((float) decoderLogVarInit)))
                : null;
        prior = config.prior().create(config, dim, this::topPosterior);
        for (Parameter p : prior.parameters()) {
            addParameter(p);
        }
    }

    /** A learnable parameter of {@code shape}, started by {@code init} (type OTHER: no weight-only rules). */
    static Parameter parameter(String name, Shape shape, Initializer init) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(init)
                .build();
    }

    /** The prior p(z2). */
    TopPrior prior() {
        return prior;
    }

    /** q(z2 | x) for x (B, dim). */
    DiagonalGaussian topPosterior(NDArray x, Pass pass) {
        return DiagonalGaussian.fromHead(pass.run(topEncoder, x, null), clamp);
    }

    /** q(z1 | x, z2). */
    DiagonalGaussian bottomPosterior(NDArray x, NDArray z2, Pass pass) {
        return DiagonalGaussian.fromHead(pass.run(bottomEncoder, x.concat(z2, 1), null), clamp);
    }

    /** p(z1 | z2 [, y]); {@code label} one-hot (B, classes + 1), or null without classes. */
    DiagonalGaussian latentPrior(NDArray z2, NDArray label, Pass pass) {
        return DiagonalGaussian.fromHead(pass.run(latentPrior, z2, label), clamp);
    }

    /** p(x | z1, z2 [, y]). */
    DiagonalGaussian decoder(NDArray z1, NDArray z2, NDArray label, Pass pass) {
        NDArray out = pass.run(decoder, z1.concat(z2, 1), label);
        NDManager m = out.getManager();
        return switch (decoderVariance) {
            case NETWORK -> {
                NDList halves = out.split(2, 1);
                yield new DiagonalGaussian(halves.get(0), clamp.apply(plus(halves.get(1), decoderLogVarInit)));
            }
            case LEARNED -> new DiagonalGaussian(out, clamp.apply(pass.value(m, decoderLogVar)));
            case FIXED -> new DiagonalGaussian(out, m.full(new Shape(1, dim), (float) decoderLogVarInit));
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The two passes: the ELBO (training) and ancestral sampling (generation)

    /**
     * Per-sample terms of the ELBO, each of shape (B): {@code reconstruction = log p(x | z1, z2 [, y])} and
     * {@code latent = log p(z1 | z2 [, y]) + log p(z2) - log q(z1 | x, z2) - log q(z2 | x)}, the negated
     * single-draw estimates of the two KL terms; {@code ELBO = reconstruction + latent}.
     */
    record Elbo(NDArray reconstruction, NDArray latent) {}

    /**
     * The ELBO's terms for the batch x (B, dim) with one reparameterised draw, z2 from q(z2 | x) then z1 from
     * q(z1 | x, z2), their standard normals from {@code noise} in that order; every array on x's manager.
     *
     * @param label one-hot labels (B, classes + 1), or null without classes
     */
    Elbo elbo(NDArray x, NDArray label, StandardNormal noise, Pass pass) {
        NDManager m = x.getManager();
        int b = Math.toIntExact(x.getShape().get(0));
        DiagonalGaussian q2 = topPosterior(x, pass);
        NDArray z2 = q2.sample(noise.draw(m, b, d2));
        DiagonalGaussian q1 = bottomPosterior(x, z2, pass);
        NDArray z1 = q1.sample(noise.draw(m, b, d1));
        DiagonalGaussian p1 = latentPrior(z2, label, pass);
        NDArray reconstruction = decoder(z1, z2, label, pass).logDensity(x);
        NDArray latent = p1.logDensity(z1).add(prior.logDensity(z2, pass))
                .sub(q1.logDensity(z1)).sub(q2.logDensity(z2));
        return new Elbo(reconstruction, latent);
    }

    /**
     * n ancestral draws (n, dim) on {@code g}: z2 from the prior, {@code z1 = mu + exp(s / 2) eps} from
     * p(z1 | z2 [, y]), x = the decoder's mean. Both label-conditioned networks see {@code labels}: with a
     * guidance weight w their raw outputs are {@code out_null + w (out_cond - out_null)}, and the
     * log-variance of p(z1 | z2) is clamped after guiding. Draws, in this order and whatever the labels: the
     * prior's (component choices, then its standard normals), then the (n, latentDim1) standard normals of z1.
     */
    NDArray ancestral(NDManager g, int n, ClassifierFree.Inputs labels, RandomGenerator choices, StandardNormal noise,
            Pass pass) {
        BoundNetwork guidedLatentPrior = labels.bind(labelled(latentPrior, pass.store()));
        BoundNetwork guidedDecoder = labels.bind(labelled(decoder, pass.store()));
        NDArray z2 = prior.sample(g, n, choices, noise, pass);
        NDArray t = g.zeros(new Shape(n, 1));
        DiagonalGaussian p1 = DiagonalGaussian.fromHead(guidedLatentPrior.apply(z2, t), clamp);
        NDArray z1 = p1.sample(noise.draw(g, n, d1));
        NDArray out = guidedDecoder.apply(z1.concat(z2, 1), t);
        return decoderVariance == DecoderVariance.NETWORK ? out.split(2, 1).get(0) : out;
    }

    /** {@code net} with a label input (null without classes), raw output, no gradients. */
    private static LabelledNetwork labelled(SwiGluMlp net, ParameterStore store) {
        return (x, t, label) -> net.forward(store, label == null ? new NDList(x, t) : new NDList(x, t, label), false)
                .singletonOrThrow();
    }

    private static SwiGluMlp encoder(SwiGluMlp net) {
        net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        return net;
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
