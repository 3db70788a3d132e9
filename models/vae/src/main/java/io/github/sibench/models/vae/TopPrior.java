package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The prior p(z2) on the top latent of {@link HierarchicalVae}: {@link NormalPrior}, {@link MixturePrior}
 * or {@link VampPrior}, built by {@link VaeConfig.Prior#create}. Its learnable parameters are registered
 * with the model's other parameters ({@link VaeNetworks}), so the optimiser trains them and the EMA
 * averages them.
 */
interface TopPrior {

    /** The learnable parameters, in registration order (their initialisers run in this order); may be empty. */
    List<Parameter> parameters();

    /** {@code log p(z)} for each row of z (B, latentDim2): shape (B), on z's manager. */
    NDArray logDensity(NDArray z, Pass pass);

    /**
     * n draws of the prior, (n, latentDim2) on {@code g}.
     *
     * @param choices source of the mixture component choices (unused by N(0, I))
     * @param normal source of the standard normal draws
     */
    NDArray sample(NDManager g, int n, RandomGenerator choices, StandardNormal normal, Pass pass);

    /** Builds a prior from the config, the data dimension and the top encoder (which only the VampPrior uses). */
    @FunctionalInterface
    interface Factory {
        TopPrior create(VaeConfig config, int dataDim, VampPrior.Encoder topEncoder);
    }
}
