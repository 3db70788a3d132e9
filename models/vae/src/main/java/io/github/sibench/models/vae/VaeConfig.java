package io.github.sibench.models.vae;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.sibench.models.backbone.BackboneConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Settings of {@link HierarchicalVae}. In JSON the enums are lowercase: {@code "prior": "mog"},
 * {@code "decoderVariance": "learned"}.
 *
 * @param prior prior on the top latent z2: {@code normal} (N(0, I)), {@code mog} (a learnable mixture of
 *     K Gaussians) or {@code vamp} (the VampPrior: the mixture of the top encoder's posteriors at K
 *     learnable pseudo-inputs); default {@code vamp}
 * @param latentDim1 dimension of the bottom latent z1 (default 4)
 * @param latentDim2 dimension of the top latent z2 (default 2)
 * @param components number of mixture components K of the {@code mog} and {@code vamp} priors (default
 *     16; unused by {@code normal})
 * @param logVarMin lower clamp of every Gaussian log-variance: encoders, p(z1 | z2), decoder, MoG
 *     components (default -10)
 * @param logVarMax upper clamp of every Gaussian log-variance (default 10)
 * @param beta weight of the latent (KL) terms in the training objective (default 1, the ELBO); the reported
 *     loss is the negative ELBO whatever beta is
 * @param klWarmup fraction of the training steps over which the weight of the latent terms rises linearly
 *     from 0 to beta (KL warm-up, Bowman et al. 2016, which Tomczak and Welling use); in [0, 1), default 0
 *     (none: on the toy runs it did not help)
 * @param decoderVariance how the variance of p(x | z1, z2) is set: {@code learned} (default) one learnable
 *     log-variance per data dimension, shared by all inputs, starting at {@code decoderLogVar};
 *     {@code network} a second output head of the decoder, per input and dimension, plus
 *     {@code decoderLogVar} (so it starts there); {@code fixed} the constant {@code decoderLogVar}.
 *     {@code learned} and {@code network} clamp it to [logVarMin, logVarMax]; the {@code fixed} value lies
 *     there already
 * @param decoderLogVar initial ({@code learned}, {@code network}) or constant ({@code fixed}) decoder
 *     log-variance, in [logVarMin, logVarMax] (default -2, a noise standard deviation of 0.37 on z-scored
 *     data: a decoder variance as large as the data's lets the decoder explain everything as noise, and short
 *     runs then collapse to the posterior, ignoring the latents)
 * @param widthScale fraction of the backbone's hidden width H that each of the VAE's four networks uses,
 *     {@code hidden = max(1, round(widthScale H))}, in (0, 1]; default 1 (every network as wide as the
 *     one-network models' single network). The VAE runs four networks where a flow or diffusion model runs
 *     one, and a SwiGLU block costs about H^2: at 0.5 the VAE's training step costs about as much as theirs
 *     (equal compute instead of equal width; see {@link #network})
 */
public record VaeConfig(
        Prior prior,
        int latentDim1,
        int latentDim2,
        int components,
        double logVarMin,
        double logVarMax,
        double beta,
        double klWarmup,
        DecoderVariance decoderVariance,
        double decoderLogVar,
        double widthScale) {

    /** Largest latent dimension and component count accepted (a guard against typos, not a model limit). */
    static final int MAX_SIZE = 4096;

    public VaeConfig {
        require(prior != null, "prior is required (one of " + Prior.names() + ")");
        require(latentDim1 >= 1 && latentDim1 <= MAX_SIZE, "latentDim1 must be in [1, " + MAX_SIZE + "], got " + latentDim1);
        require(latentDim2 >= 1 && latentDim2 <= MAX_SIZE, "latentDim2 must be in [1, " + MAX_SIZE + "], got " + latentDim2);
        require(components >= 1 && components <= MAX_SIZE, "components must be in [1, " + MAX_SIZE + "], got " + components);
        require(Double.isFinite(logVarMin) && Double.isFinite(logVarMax) && logVarMin < logVarMax,
                "need finite logVarMin < logVarMax, got logVarMin=" + logVarMin + ", logVarMax=" + logVarMax);
        require(beta > 0 && Double.isFinite(beta), "beta must be finite and > 0, got " + beta);
        require(klWarmup >= 0 && klWarmup < 1, "klWarmup must be in [0, 1), got " + klWarmup);
        require(decoderVariance != null, "decoderVariance is required (one of " + DecoderVariance.names() + ")");
        require(decoderLogVar >= logVarMin && decoderLogVar <= logVarMax, "decoderLogVar must be in [logVarMin, "
                + "logVarMax] = [" + logVarMin + ", " + logVarMax + "], got " + decoderLogVar);
        require(widthScale > 0 && widthScale <= 1, "widthScale must be in (0, 1] (fraction of the backbone's hidden"
                + " width), got " + widthScale);
    }

    /**
     * The MLP of each of the VAE's networks for the run's MLP {@code backbone}: its blocks and time features,
     * hidden width {@code max(1, round(widthScale H))}.
     */
    public BackboneConfig network(BackboneConfig backbone) {
        int hidden = (int) Math.max(1, Math.round(widthScale * backbone.hidden()));
        return hidden == backbone.hidden() ? backbone
                : new BackboneConfig(hidden, backbone.blocks(), backbone.timeFeatures());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("vae: " + message);
        }
    }

    /**
     * VampPrior, latent dimensions 4 and 2, K = 16, log-variances clamped to [-10, 10], beta 1, no KL
     * warm-up, learned per-dimension decoder log-variance starting at -2, networks as wide as the backbone.
     */
    public static VaeConfig defaults() {
        return of(Prior.VAMP);
    }

    /** The defaults with another prior. */
    public static VaeConfig of(Prior prior) {
        return new VaeConfig(prior, 4, 2, 16, -10, 10, 1, 0, DecoderVariance.LEARNED, -2, 1);
    }

    /** This config with another prior. */
    public VaeConfig withPrior(Prior other) {
        return new VaeConfig(other, latentDim1, latentDim2, components, logVarMin, logVarMax, beta, klWarmup, decoderVariance,
                decoderLogVar, 1);
    }

    /**
     * Weight b of the latent (KL) terms at training step {@code step} (from 0) of {@code steps}: with
     * W = klWarmup * steps, {@code b = beta (step + 1) / W} while {@code step < W} (when W >= 1), then
     * {@code b = beta}.
     */
    public double klWeight(int step, int steps) {
        double warmup = klWarmup * steps;
        return warmup >= 1 && step < warmup ? beta * (step + 1) / warmup : beta;
    }

    /**
     * Prior on the top latent z2; JSON names {@code normal}, {@code mog}, {@code vamp}. Each builds its
     * implementation: {@code NormalPrior}, {@code MixturePrior}, {@code VampPrior}.
     */
    public enum Prior {
        NORMAL((config, dataDim, topEncoder) -> new NormalPrior(config.latentDim2())),
        MOG((config, dataDim, topEncoder) -> new MixturePrior(config.components(), config.latentDim2(),
                LogVarClamp.of(config))),
        VAMP((config, dataDim, topEncoder) -> new VampPrior(config.components(), dataDim, topEncoder));

        private final TopPrior.Factory factory;

        Prior(TopPrior.Factory factory) {
            this.factory = factory;
        }

        /** This prior for {@code config}, data of dimension {@code dataDim} and the model's top encoder. */
        TopPrior create(VaeConfig config, int dataDim, VampPrior.Encoder topEncoder) {
            return factory.create(config, dataDim, topEncoder);
        }

        @JsonValue
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Prior byName(String name) {
            for (Prior p : values()) {
                if (p.configName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("vae: unknown prior '" + name + "'; known priors: " + names());
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Prior::configName).toList();
        }
    }

    /** How the decoder's variance is set; JSON names {@code learned}, {@code network}, {@code fixed}. */
    public enum DecoderVariance {
        LEARNED,
        NETWORK,
        FIXED;

        @JsonValue
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static DecoderVariance byName(String name) {
            for (DecoderVariance v : values()) {
                if (v.configName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                    return v;
                }
            }
            throw new IllegalArgumentException("vae: unknown decoderVariance '" + name + "'; known: " + names());
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(DecoderVariance::configName).toList();
        }
    }
}
