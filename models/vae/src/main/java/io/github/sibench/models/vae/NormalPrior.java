package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.Scalars.plus;
import static io.github.sibench.models.vae.Scalars.times;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The standard normal prior {@code p(z) = N(z; 0, I)}, {@code log p(z) = -1/2 sum_j (z_j^2 + log 2 pi)}; no
 * parameters ({@code "prior": "normal"}).
 */
final class NormalPrior implements TopPrior {

    private final int dim;

    /** @param dim dimension of z (latentDim2) */
    NormalPrior(int dim) {
        this.dim = dim;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public NDArray logDensity(NDArray z, Pass pass) {
        return times(plus(z.square(), DiagonalGaussian.LOG_2PI).sum(new int[] {1}), -0.5);
    }

    /** The standard normal draws themselves. */
    @Override
    public NDArray sample(NDManager g, int n, RandomGenerator choices, StandardNormal normal, Pass pass) {
        return normal.draw(g, n, dim);
    }
}
