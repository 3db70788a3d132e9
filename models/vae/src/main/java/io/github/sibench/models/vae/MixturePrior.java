package io.github.sibench.models.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A learnable mixture of K diagonal Gaussians ({@code "prior": "mog"}; the "MoG prior" of Tomczak and
 * Welling, "VAE with a VampPrior", AISTATS 2018):
 *
 * <pre>
 *   p(z) = sum_k w_k N(z; m_k, diag exp(clamp(l_k))),   w = softmax(a),   k = 1..K
 * </pre>
 *
 * with means m_k initialised N(0, 1), log-variances l_k initialised 0 and clamped ({@link LogVarClamp}),
 * and weight logits a initialised 0 (the mixture starts uniform). The log-density is a log-sum-exp over
 * components ({@link DiagonalGaussian#mixtureLogDensity}) with {@code log w = a - logsumexp(a)}. A draw
 * picks component k with probability w_k, then returns {@code m_k + exp(clamp(l_k) / 2) eps}.
 */
final class MixturePrior implements TopPrior {

    private final int components;
    private final LogVarClamp clamp;
    /** (K, d) means m_k. */
    private final Parameter means;
    /** (K, d) unclamped log-variances l_k. */
    private final Parameter logVars;
    /** (1, K) weight logits a. */
    private final Parameter logits;

    /**
     * @param components K
     * @param dim dimension of z (latentDim2)
     * @param clamp the clamp of the component log-variances
     */
    MixturePrior(int components, int dim, LogVarClamp clamp) {
        this.components = components;
        this.clamp = clamp;
        this.means = VaeNetworks.parameter("mog_means", new Shape(components, dim), new NormalInitializer(1));
        this.logVars = VaeNetworks.parameter("mog_logvars", new Shape(components, dim), new ConstantInitializer(0));
        this.logits = VaeNetworks.parameter("mog_logits", new Shape(1, components), new ConstantInitializer(0));
    }

    /** Means, log-variances, logits. */
    @Override
    public List<Parameter> parameters() {
        return List.of(means, logVars, logits);
    }

    @Override
    public NDArray logDensity(NDArray z, Pass pass) {
        NDManager m = z.getManager();
        NDArray a = pass.value(m, logits);
        NDArray logWeights = a.sub(DiagonalGaussian.logSumExp(a).expandDims(1));
        return DiagonalGaussian.mixtureLogDensity(z, gaussians(m, pass), logWeights);
    }

    /** Component indices first (n uniforms from {@code choices}), then the (n, d) standard normals. */
    @Override
    public NDArray sample(NDManager g, int n, RandomGenerator choices, StandardNormal normal, Pass pass) {
        double[] w = weights(pass.value(g, logits).toFloatArray());
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = categorical(w, choices.nextDouble());
        }
        NDArray eps = normal.draw(g, n, Math.toIntExact(means.getShape().get(1)));
        return gaussians(g, pass).rows(g.create(picked)).sample(eps);
    }

    /** The K components, log-variances clamped. */
    private DiagonalGaussian gaussians(NDManager m, Pass pass) {
        return new DiagonalGaussian(pass.value(m, means), clamp.apply(pass.value(m, logVars)));
    }

    /** {@code softmax(a)} in doubles. */
    private static double[] weights(float[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] w = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            w[k] = Math.exp(a[k] - max);
            sum += w[k];
        }
        for (int k = 0; k < a.length; k++) {
            w[k] /= sum;
        }
        return w;
    }

    /** The k with {@code w_0 + ... + w_(k-1) <= u < w_0 + ... + w_k} (the last one if rounding leaves u above). */
    private static int categorical(double[] w, double u) {
        double c = 0;
        for (int k = 0; k < w.length; k++) {
            c += w[k];
            if (u < c) {
                return k;
            }
        }
        return w.length - 1;
    }

    @Override
    public String toString() {
        return "mog(K=" + components + ")";
    }
}
