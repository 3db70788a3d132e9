package io.github.sibench.models.si;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.github.sibench.core.field.Drift;
import io.github.sibench.core.field.Prediction;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.path.InterpolantPath;
import io.github.sibench.core.path.PathSample;
import io.github.sibench.core.time.UniformTime;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.sampling.ModelFields;

/**
 * The stochastic interpolant {@code x_t = (1 - t) x0 + t x1 + sqrt(a t (1 - t)) z} with a two-headed
 * network that learns the velocity b and the denoiser.
 *
 * <p>Albergo, Boffi and Vanden-Eijnden, "Stochastic interpolants: a unifying framework for flows and
 * diffusions" (2023). Loss: {@code (|b_hat - (x1 - x0 + gamma' z)|^2 + |eps_hat - (t x1 + gamma z) / s|^2) / 2},
 * averaged over dimensions,
 * with {@code s^2 = t^2 + gamma^2} and {@code t ~ U[tMin, tMax]}. The second head learns the normalised
 * total noise {@code eps = E[(beta x1 + gamma z) / s | x_t]}, equivalent to the paper's denoiser
 * {@code eta_z = E[z | x_t] = (gamma / s) eps}, and gives the score {@code -eps / s} without dividing by
 * gamma (which vanishes at both ends; the core's {@link Prediction#EPS} conversion, valid with a latent). Samples with any ODE sampler (velocity head) and with the SDE of
 * SPEC section 2 (both heads, one network pass per step).
 */
public final class StochasticInterpolantModel extends NetworkModel {

    private final StochasticInterpolant interpolant;
    private final InterpolantPath path;
    private final UniformTime times;
    private final int dim;

    public StochasticInterpolantModel(StochasticInterpolantConfig config, ModelContext context) {
        super(context, 2 * context.dim());
        this.interpolant = new StochasticInterpolant(config.a());
        this.path = new InterpolantPath(interpolant);
        this.times = new UniformTime(config.tMin(), config.tMax());
        this.dim = context.dim();
    }

    @Override
    protected String name() {
        return StochasticInterpolantFactory.NAME;
    }

    @Override
    protected NDArray loss(Batch batch) {
        NDArray x1 = batch.gaussian();
        NDArray z = batch.gaussian();
        PathSample p = path.sample(batch.x0(), x1, z, times.sample(batch.size(), batch.rng()));
        NDArray out = batch.network().apply(p.xt(), p.t(), batch.label());
        NDArray target = p.velocity().concat(p.noise(), 1);
        // mean over both heads: half the sum of the two regression losses. No op with a Java scalar here:
        // DJL keeps such scalars in Java memory that autograd may read after the garbage collector freed it.
        return out.sub(target).square().mean();
    }

    @Override
    protected ModelFields fields(BoundNetwork network) {
        return new ModelFields(
                (t, x) -> network.apply(x, timeColumn(x, t)).get(":, 0:" + dim),
                (t, x) -> {
                    NDList heads = network.apply(x, timeColumn(x, t)).split(2, 1);
                    return new Drift(heads.get(0), Prediction.EPS.score(interpolant.at(t), x, heads.get(1)));
                },
                null,
                1.0,
                0.0);
    }
}
