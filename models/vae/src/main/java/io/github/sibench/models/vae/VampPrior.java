package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The VampPrior ({@code "prior": "vamp"}; Tomczak and Welling, "VAE with a VampPrior", AISTATS 2018):
 * the uniform mixture of the top encoder's posteriors at K learnable pseudo-inputs u_k,
 *
 * <pre>
 *   p(z2) = (1/K) sum_k q(z2 | u_k),   k = 1..K
 * </pre>
 *
 * with u_k in data space, initialised N(0, 1) (the data are z-scored, so that is their scale). The
 * encoder's log-variances are already clamped. The log-density is a log-sum-exp over components with
 * log-weights {@code -log K} ({@link DiagonalGaussian#mixtureLogDensity}); gradients reach both the
 * pseudo-inputs and the encoder. A draw picks k uniformly, then returns a reparameterised draw of
 * q(z2 | u_k).
 */
final class VampPrior implements TopPrior {

    /** The top encoder q(z2 | x): x (B, dataDim) to its diagonal Gaussian (clamped log-variance). */
    @FunctionalInterface
    interface Encoder {
        DiagonalGaussian encode(NDArray x, Pass pass);
    }

    private final int components;
    private final Encoder encoder;
    /** (K, dataDim) pseudo-inputs u_k. */
    private final Parameter pseudoInputs;

    /**
     * @param components K
     * @param dataDim dimension of the data (and of the pseudo-inputs)
     * @param encoder the top encoder q(z2 | x)
     */
    VampPrior(int components, int dataDim, Encoder encoder) {
        this.components = components;
        this.encoder = encoder;
        this.pseudoInputs = VaeNetworks.parameter("pseudo_inputs", new Shape(components, dataDim),
                new NormalInitializer(1));
    }

    /** The pseudo-inputs. */
    @Override
    public List<Parameter> parameters() {
        return List.of(pseudoInputs);
    }

    @Override
    public NDArray logDensity(NDArray z, Pass pass) {
        NDManager m = z.getManager();
        NDArray logWeights = m.full(new Shape(1, components), (float) -Math.log(components));
        return DiagonalGaussian.mixtureLogDensity(z, posteriors(m, pass), logWeights);
    }

    /** Component indices first (n uniform picks from {@code choices}), then the (n, d) standard normals. */
    @Override
    public NDArray sample(NDManager g, int n, RandomGenerator choices, StandardNormal normal, Pass pass) {
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = choices.nextInt(components);
        }
        DiagonalGaussian q = posteriors(g, pass);
        NDArray eps = normal.draw(g, n, Math.toIntExact(q.mean().getShape().get(1)));
        return q.rows(g.create(picked)).sample(eps);
    }

    /** q(z2 | u_k) for the K pseudo-inputs: mean and log-variance (K, latentDim2). */
    private DiagonalGaussian posteriors(NDManager m, Pass pass) {
        return encoder.encode(pass.value(m, pseudoInputs), pass);
    }

    @Override
    public String toString() {
        return "vamp(K=" + components + ")";
    }
}
