package io.github.sibench.models.vp;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.Drift;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.field.VelocityScoreField;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.VpInterpolant;
import io.github.sibench.core.path.InterpolantPath;
import io.github.sibench.core.path.PathSample;
import io.github.sibench.core.time.UniformTime;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.sampling.ModelFields;

/**
 * Variance-preserving diffusion (DDPM / VP score SDE) written as an interpolant, with a network that
 * predicts the noise.
 *
 * <p>Ho, Jain and Abbeel, "Denoising Diffusion Probabilistic Models" (2020); Song, Sohl-Dickstein, Kingma,
 * Kumar, Ermon and Poole, "Score-Based Generative Modeling through Stochastic Differential Equations"
 * (2021). The path is the core's {@link VpInterpolant}: {@code x_t = alpha(t) x0 + beta(t) x1} with
 * {@code alpha = exp(-B(t)/2)}, {@code beta = sqrt(1 - alpha^2)}, {@code B(t) = int_0^t b}, and the linear
 * schedule {@code b(t) = b_min + t (b_max - b_min)} (Song et al.'s "beta(t)"; called b here because beta
 * is the interpolant's noise coefficient). Data x0 at t = 0, noise x1 ~ N(0, I) at t = 1 (SPEC section 2).
 *
 * <p><b>Training</b> (Ho et al.'s "simple" loss in continuous time): the network eps_hat(t, x) regresses
 * the normalised noise of {@link InterpolantPath}, which for VP is x1 itself:
 * {@code mean |eps_hat(t, x_t) - x1|^2} (averaged over batch and coordinates), {@code t ~ U[tMin, tMax]}.
 * The minimiser is {@code eps(t, x) = E[x1 | x_t = x]}. Training and integration stop at {@code tMin > 0}
 * because beta(t) vanishes at t = 0, where beta'(t) and the data's score are infinite.
 *
 * <p><b>Fields</b> (SPEC section 3; {@link #velocity} and {@link #fromNoise} turn any noise prediction into
 * them, so the closed-form check of the tests runs the code path of generation):
 *
 * <ul>
 *   <li>score {@code grad log rho_t(x) = -E[x1 | x] / beta = -eps / beta} (total noise std s = beta).
 *   <li>velocity of the probability-flow ODE {@code b = alpha' E[x0 | x] + beta' E[x1 | x]} with
 *       {@code E[x1 | x] = eps} and {@code E[x0 | x] = (x - beta eps) / alpha} (Tweedie). Substituting,
 *       {@code b = k_x x + k_eps eps} with the scalars {@code k_x = alpha' / alpha} and
 *       {@code k_eps = beta' - k_x beta = (beta beta' - k_x beta^2) / beta}, computed in double from the
 *       core's {@link Coefficients} ({@code beta beta'} is {@link Coefficients#halfNoiseVarianceDot()}).
 *       The posterior mean is never formed as an array: dividing a float32 {@code x - beta eps} by
 *       {@code alpha} (0.0064 at t = 1 for the defaults) and multiplying by {@code alpha'} would cost
 *       precision for nothing, while {@code k_x, k_eps} are two well-conditioned doubles (both terms of
 *       {@code k_eps} are positive, no cancellation). For VP, {@code alpha alpha' + beta beta' = 0} gives
 *       {@code k_x = -b(t)/2} and {@code k_eps = b(t) / (2 beta)}, so
 *       {@code b(t, x) = -(b(t)/2) (x + score(t, x))}: Song et al.'s probability-flow ODE (their eq. 13 for
 *       the VP SDE).
 * </ul>
 *
 * <p>One network pass gives eps, hence velocity and score together ({@link VelocityScoreField}, one NFE per
 * call, for the {@code em} sampler); the velocity alone serves the ODE samplers (euler, heun, rk4, dopri5).
 * Both stop at {@code tEnd = tMin}. Generation starts at t = 1 from N(0, I) ({@code noiseScale = 1}): the
 * VP marginal at t = 1 is {@code alpha(1) x0 + beta(1) x1} with {@code alpha(1) = exp(-(b_min + b_max)/4)},
 * about 0.0064 for the defaults, which is neglected as in Ho et al. and Song et al. (a schedule with a much
 * smaller b_max would make this approximation poor).
 *
 * <p><b>Reverse SDE.</b> The core's Euler-Maruyama sampler integrates
 * {@code dX = [b - eps_d score] dt + sqrt(2 eps_d) dW} backward with a diffusion eps_d (SPEC section 2;
 * named eps_d here to tell it from the noise prediction). With the velocity above,
 * {@code b - eps_d score = -(b(t)/2) x - (b(t)/2 + eps_d) score}, so {@code eps_d(t) = b(t)/2} gives exactly
 * the reverse-time VP SDE of Song et al. (eq. 6 with f = -b x / 2, g^2 = b): drift
 * {@code -(b/2) x - b score}, noise {@code sqrt(b) dW}. The {@code em} sampler of the suite takes a constant
 * eps_d from its {@code SamplerSpec}; every eps_d >= 0 has the same marginals when the fields are exact, so
 * this is the same family of samplers with a time-flat diffusion instead of the paper's b(t)/2 (which
 * ranges from 0.05 to 10 for the defaults).
 *
 * <p><b>Conditioning.</b> Along the ODE, {@code y = x / alpha} obeys {@code dy/dt = (k_eps / alpha) eps},
 * so the generated point is {@code x(1) / alpha(1) - int (b(t) / (2 alpha beta)) eps dt}: an error delta in
 * the noise prediction near t = 1 moves the sample by up to {@code (beta / alpha) delta}, about 156 delta for
 * the defaults. Noise prediction therefore needs a much more accurate network (more training, larger
 * batches) than velocity prediction on the same data; this is the parametrisation's own weakness (it
 * motivated v-prediction, Salimans and Ho 2022), not a sampler error: with the exact noise the fields
 * reproduce the closed form (see the tests).
 *
 * <p>Classifier-free guidance needs nothing here: the guided eps is
 * {@code eps_null + w (eps_cond - eps_null)} from the bound network, and velocity and score are affine in
 * eps with the same coefficients for both, so they are the guided fields.
 */
public final class VpModel extends NetworkModel {

    private final VpInterpolant interpolant;
    private final InterpolantPath path;
    private final UniformTime times;
    private final double tMin;

    public VpModel(VpConfig config, ModelContext context) {
        super(context, context.dim());
        this.interpolant = new VpInterpolant(config.betaMin(), config.betaMax());
        this.path = new InterpolantPath(interpolant);
        this.times = new UniformTime(config.tMin(), config.tMax());
        this.tMin = config.tMin();
    }

    @Override
    protected String name() {
        return VpFactory.NAME;
    }

    /** The core interpolant this model is trained on. */
    public VpInterpolant interpolant() {
        return interpolant;
    }

    @Override
    protected NDArray loss(Batch batch) {
        NDArray x1 = batch.manager().randomNormal(batch.x0().getShape());
        PathSample p = path.sample(batch.x0(), x1, null, times.sample(batch.size(), batch.rng()));
        NDArray predicted = batch.network().apply(p.xt(), p.t(), batch.label());
        return predicted.sub(p.noise()).square().mean();
    }

    @Override
    protected ModelFields fields(BoundNetwork network) {
        VectorField velocity = (t, x) -> {
            try (NDArray eps = network.apply(x, timeColumn(x, t))) {
                return velocity(interpolant.at(t), x, eps);
            }
        };
        VelocityScoreField velocityScore = (t, x) -> {
            try (NDArray eps = network.apply(x, timeColumn(x, t))) {
                return fromNoise(interpolant.at(t), x, eps);
            }
        };
        return new ModelFields(velocity, velocityScore, null, 1.0, tMin);
    }

    /**
     * Probability-flow velocity from a noise prediction: {@code b = k_x x + k_eps eps} with
     * {@code k_x = alpha'/alpha} and {@code k_eps = (beta beta' - k_x beta^2) / beta} (class comment).
     * Requires {@code alpha > 0} and {@code beta > 0}, i.e. {@code 0 < t}. Neither input is closed.
     *
     * @param c the interpolant's coefficients at t (gamma = 0)
     * @param x the points, shape (n, d)
     * @param eps the noise prediction {@code E[x1 | x_t = x]}, shape (n, d)
     */
    static NDArray velocity(Coefficients c, NDArray x, NDArray eps) {
        double kx = c.alphaDot() / c.alpha();
        double kEps = (c.halfNoiseVarianceDot() - kx * c.beta() * c.beta()) / c.beta();
        try (NDArray noisePart = eps.mul(kEps)) {
            return x.mul(kx).addi(noisePart);
        }
    }

    /** Velocity (see {@link #velocity}) and score {@code -eps / beta} from one noise prediction. */
    static Drift fromNoise(Coefficients c, NDArray x, NDArray eps) {
        return new Drift(velocity(c, x, eps), eps.mul(-1 / c.beta()));
    }
}
