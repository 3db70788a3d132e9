package io.github.sibench.models.edm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.field.Prediction;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.VeInterpolant;
import io.github.sibench.core.path.InterpolantPath;
import io.github.sibench.core.path.PathSample;
import io.github.sibench.core.time.LogNormalSigmaTime;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.sampling.ModelFields;

/**
 * EDM diffusion: Karras, Aittala, Aila and Laine, "Elucidating the Design Space of Diffusion-Based
 * Generative Models" (2022), written on the VE interpolant {@code x_t = x0 + sigma(t) n} with
 * {@code sigma(t) = sigma_max t} ({@link VeInterpolant}; SPEC section 3).
 *
 * <p><b>Network and denoiser.</b> The network F receives {@code c_in x} and, as its time input,
 * {@code c_noise = ln(sigma) / 4}; the denoiser is
 * {@code D(x; sigma) = c_skip x + c_out F(c_in x; c_noise)} with the coefficients of
 * {@link EdmPreconditioning} (EDM Table 1). One denoiser call is one network pass (one NFE).
 *
 * <p><b>Training.</b> {@code ln sigma ~ N(P_mean, P_std^2)} via {@link LogNormalSigmaTime} (as VE times
 * {@code t = sigma / sigma_max}, so sigma is capped at sigma_max), {@code x = x0 + sigma n} via
 * {@link InterpolantPath}, and the loss implemented is the unit-weight regression on F's effective target,
 * <pre>
 *   mean |F(c_in x; c_noise) - (x0 - c_skip x) / c_out|^2
 * </pre>
 * which equals EDM's weighted loss {@code lambda(sigma) |D(x; sigma) - x0|^2} with
 * {@code lambda = (sigma^2 + sd^2) / (sigma sd)^2} exactly, since {@code D - x0 = c_out (F - target)} and
 * {@code lambda c_out^2 = 1} (the mean runs over batch and dimensions).
 *
 * <p><b>Sampling.</b> The denoiser drives EDM's samplers ({@code edm-heun}, Algorithm 1, and
 * {@code edm-sde}, Algorithm 2, which start from their own {@code sigma_0 N(0, I)}). The ODE samplers get
 * the probability-flow velocity in VE time, {@code dx/dt = sigma'(t) (x - D(x; sigma(t))) / sigma(t)}
 * with {@code sigma'(t) = sigma_max} (D is the data prediction E[x0 | x]: the core's {@link Prediction#X0}
 * conversion), starting from {@code noiseScale = sigma_max} times N(0, I) at t = 1
 * and stopping at {@code tEnd = sigma_min / sigma_max}, i.e. at noise level sigma_min (the velocity is
 * singular at t = 0; the remaining noise, sigma_min = 0.002 by default, is left in the samples, as
 * Algorithm 1 would leave it without its final Euler step to sigma = 0). The SDE sampler {@code em} is not
 * offered (no velocity-and-score field). Classifier-free guidance acts on F; since D is affine in F with
 * label-independent coefficients, this is the same as guiding D.
 */
public final class EdmModel extends NetworkModel {

    private final EdmConfig config;
    private final VeInterpolant interpolant;
    private final InterpolantPath path;
    private final LogNormalSigmaTime sigmas;
    private final EdmPreconditioning preconditioning;

    public EdmModel(EdmConfig config, ModelContext context) {
        super(context, context.dim());
        this.config = config;
        this.interpolant = new VeInterpolant(config.sigmaMax());
        this.path = new InterpolantPath(interpolant);
        this.sigmas = new LogNormalSigmaTime(interpolant, config.pMean(), config.pStd());
        this.preconditioning = new EdmPreconditioning(config.sigmaData());
    }

    public EdmConfig config() {
        return config;
    }

    public EdmPreconditioning preconditioning() {
        return preconditioning;
    }

    @Override
    protected String name() {
        return EdmFactory.NAME;
    }

    @Override
    protected NDArray loss(Batch batch) {
        int n = batch.size();
        double[] t = sigmas.sample(n, batch.rng());
        float[] packed = new float[4 * n];
        for (int i = 0; i < n; i++) {
            double sigma = interpolant.sigma(t[i]);
            packed[4 * i] = (float) preconditioning.cIn(sigma);
            packed[4 * i + 1] = (float) preconditioning.cNoise(sigma);
            packed[4 * i + 2] = (float) preconditioning.cSkip(sigma);
            packed[4 * i + 3] = (float) (1 / preconditioning.cOut(sigma));
        }
        NDArray coef = batch.manager().create(packed, new Shape(n, 4));
        NDArray noise = batch.gaussian();
        NDArray x = path.sample(batch.x0(), noise, null, t).xt();
        NDArray f = batch.network().apply(x.mul(coef.get(":, 0:1")), coef.get(":, 1:2"), batch.label());
        NDArray target = batch.x0().sub(x.mul(coef.get(":, 2:3"))).mul(coef.get(":, 3:4"));
        return f.sub(target).square().mean();
    }

    @Override
    protected ModelFields fields(BoundNetwork network) {
        Denoiser denoiser = (x, sigma) -> denoise(network, x, sigma);
        VectorField velocity = (t, x) -> {
            Coefficients c = interpolant.at(t);
            double sigma = c.beta();
            if (!(sigma > 0)) {
                throw new IllegalArgumentException(name() + ": the probability-flow velocity is singular at t = " + t
                        + "; stop at tEnd = sigmaMin / sigmaMax");
            }
            try (NDArray d = denoise(network, x, sigma)) {
                return Prediction.X0.velocity(c, x, d);
            }
        };
        return new ModelFields(velocity, null, denoiser, config.sigmaMax(), config.sigmaMin() / config.sigmaMax());
    }

    /** {@code D(x; sigma) = c_skip x + c_out F(c_in x; c_noise)}, one network pass; D(x; 0) = x. */
    private NDArray denoise(BoundNetwork network, NDArray x, double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException(name() + ": sigma must be finite and >= 0, got " + sigma);
        }
        if (sigma == 0) {
            return x.duplicate();
        }
        NDArray f = network.apply(x.mul(preconditioning.cIn(sigma)), timeColumn(x, preconditioning.cNoise(sigma)));
        return x.mul(preconditioning.cSkip(sigma)).addi(f.mul(preconditioning.cOut(sigma)));
    }
}
