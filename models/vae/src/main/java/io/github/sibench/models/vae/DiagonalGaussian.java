package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.Scalars.plus;
import static io.github.sibench.models.vae.Scalars.times;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A batch of diagonal Gaussians {@code N(mean_b, diag exp(logVar_b))}: mean (B, d), logVar (B, d) or
 * broadcastable to it (e.g. (1, d) for a variance shared by all rows). The log-variance is used as given:
 * clamp it first ({@link LogVarClamp}).
 */
record DiagonalGaussian(NDArray mean, NDArray logVar) {

    static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * The Gaussian a network output (B, 2d) describes: its first d columns are the mean, its last d the raw
     * log-variance, clamped here.
     */
    static DiagonalGaussian fromHead(NDArray out, LogVarClamp clamp) {
        NDList halves = out.split(2, 1);
        return new DiagonalGaussian(halves.get(0), clamp.apply(halves.get(1)));
    }

    /**
     * The reparameterised draw {@code mean + exp(logVar / 2) eps} for standard normal {@code eps} (B, d)
     * (Kingma and Welling, "Auto-Encoding Variational Bayes", 2014): differentiable in mean and logVar.
     */
    NDArray sample(NDArray eps) {
        return mean.add(times(logVar, 0.5).exp().mul(eps));
    }

    /**
     * {@code log N(x_b; mean_b, diag exp(logVar_b)) = -1/2 sum_j [(x_bj - mean_bj)^2 exp(-logVar_bj) +
     * logVar_bj + log 2 pi]} for each row of x (B, d): shape (B).
     */
    NDArray logDensity(NDArray x) {
        NDArray scaled = x.sub(mean).square().mul(logVar.neg().exp()).add(logVar);
        return times(plus(scaled, LOG_2PI).sum(new int[] {1}), -0.5);
    }

    /** The Gaussians of the rows {@code index} (an int array (n)): picks mixture components for sampling. */
    DiagonalGaussian rows(NDArray index) {
        return new DiagonalGaussian(mean.get(index), logVar.get(index));
    }

    /**
     * The log-density of the mixture {@code sum_k w_k N(z; mean_k, diag exp(logVar_k))} whose K components
     * are the rows of {@code components} (mean and logVar (K, d)), for each row of z (B, d): shape (B).
     * With {@code c_bk = log w_k + log N(z_b; mean_k, diag exp(logVar_k))} it is the log-sum-exp
     * {@code log sum_k exp(c_bk) = M_b + log sum_k exp(c_bk - M_b)}, M_b the largest c_bk, which stays finite
     * far from every component.
     *
     * @param logWeights log w_k, shape (1, K)
     */
    static NDArray mixtureLogDensity(NDArray z, DiagonalGaussian components, NDArray logWeights) {
        NDArray means = components.mean();
        NDArray logVars = components.logVar();
        NDArray scaled = z.expandDims(1).sub(means.expandDims(0)).square()
                .mul(logVars.neg().exp().expandDims(0))
                .add(logVars.expandDims(0));
        NDArray c = times(plus(scaled, LOG_2PI).sum(new int[] {2}), -0.5);
        return logSumExp(c.add(logWeights));
    }

    /** {@code log sum_k exp(a_bk)} over the columns of a (B, K), the row maximum subtracted first: shape (B). */
    static NDArray logSumExp(NDArray a) {
        NDArray max = a.max(new int[] {1}, true);
        return a.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }
}
