package io.github.sibench.models.flowmatching;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.path.InterpolantPath;
import io.github.sibench.core.path.PathSample;
import io.github.sibench.core.time.UniformTime;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.sampling.ModelFields;

/**
 * Flow matching / rectified flow: the linear interpolant {@code x_t = (1 - t) x0 + t x1} and a network
 * regressing the velocity, {@code min E |b(t, x_t) - (x1 - x0)|^2} with {@code t ~ U[tMin, tMax]}.
 *
 * <p>Lipman, Chen, Ben-Hamu, Nickel and Le, "Flow Matching for Generative Modeling" (2023); Liu, Gong and
 * Liu, "Flow Straight and Fast" (2023). Generates with any ODE sampler of the core from t = 1 to 0.
 */
public final class FlowMatchingModel extends NetworkModel {

    private final InterpolantPath path = new InterpolantPath(new LinearInterpolant());
    private final UniformTime times;

    public FlowMatchingModel(FlowMatchingConfig config, ModelContext context) {
        super(context, context.dim());
        this.times = new UniformTime(config.tMin(), config.tMax());
    }

    @Override
    protected String name() {
        return FlowMatchingFactory.NAME;
    }

    @Override
    protected NDArray loss(Batch batch) {
        NDArray x1 = batch.gaussian();
        PathSample p = path.sample(batch.x0(), x1, null, times.sample(batch.size(), batch.rng()));
        NDArray predicted = batch.network().apply(p.xt(), p.t(), batch.label());
        return predicted.sub(p.velocity()).square().mean();
    }

    @Override
    protected ModelFields fields(BoundNetwork network) {
        return ModelFields.ofVelocity((t, x) -> network.apply(x, timeColumn(x, t)));
    }
}
