package io.github.sibench.core.path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.Interpolant;

/**
 * Samples points on an interpolant's path and the matching regression targets, for a whole batch in a
 * few fused native ops; the velocity and noise targets are computed when the loss first reads them.
 *
 * <p>For each row i: {@code x_t = alpha(t_i) x0_i + beta(t_i) x1_i + gamma(t_i) z_i}, velocity target
 * {@code alpha' x0 + beta' x1 + gamma' z} and normalised noise target {@code (beta x1 + gamma z) / s}
 * (Albergo, Boffi, Vanden-Eijnden 2023, section 2). Only the per-row coefficients (n x 6 numbers) cross
 * from Java to native memory; the samples never do.
 */
public final class InterpolantPath {

    private final Interpolant interpolant;

    public InterpolantPath(Interpolant interpolant) {
        this.interpolant = interpolant;
    }

    public Interpolant interpolant() {
        return interpolant;
    }

    /**
     * Draws the path batch. The result arrays belong to {@code x0}'s manager.
     *
     * @param x0 data, shape (n, d)
     * @param x1 noise endpoint, shape (n, d)
     * @param z latent, shape (n, d); may be null when the interpolant has gamma = 0
     * @param t times in [0, 1], length n; where gamma'(t) is infinite (gamma vanishing like a square
     *     root at the endpoints) the velocity target is not finite, so training times should stay
     *     inside (0, 1)
     */
    public PathSample sample(NDArray x0, NDArray x1, NDArray z, double[] t) {
        int n = Math.toIntExact(x0.getShape().get(0));
        if (t.length != n || !x1.getShape().equals(x0.getShape())
                || (z != null && !z.getShape().equals(x0.getShape()))) {
            throw new IllegalArgumentException("path batch: x0 " + x0.getShape() + ", x1 " + x1.getShape()
                    + ", z " + (z == null ? "none" : z.getShape()) + " and " + t.length + " times do not match");
        }
        boolean latent = false;
        float[] packed = new float[n * 7];
        for (int i = 0; i < n; i++) {
            Coefficients c = interpolant.at(t[i]);
            latent |= c.gamma() != 0;
            int o = 7 * i;
            packed[o] = (float) c.alpha();
            packed[o + 1] = (float) c.beta();
            packed[o + 2] = (float) c.gamma();
            packed[o + 3] = (float) c.alphaDot();
            packed[o + 4] = (float) c.betaDot();
            packed[o + 5] = (float) c.gammaDot();
            packed[o + 6] = (float) t[i];
        }
        if (latent && z == null) {
            throw new IllegalArgumentException(interpolant.name() + " has gamma > 0: a latent z is required");
        }
        NDManager m = x0.getManager();
        // one split into the 7 columns (views) rather than 7 indexed reads: fewer native calls
        NDList c = m.create(packed, new Shape(n, 7)).split(7, 1);
        NDArray alpha = c.get(0);
        NDArray beta = c.get(1);
        NDArray gamma = c.get(2);
        NDArray noiseRaw = latent ? x1.mul(beta).add(z.mul(gamma)) : x1.mul(beta);
        NDArray xt = x0.mul(alpha).add(noiseRaw);
        boolean withLatent = latent;
        return new PathSample(c.get(6), xt, () -> {
            NDArray velocity = x0.mul(c.get(3)).add(x1.mul(c.get(4)));
            return withLatent ? velocity.add(z.mul(c.get(5))) : velocity;
        }, () -> {
            NDArray s = beta.square().add(gamma.square()).sqrt();
            // where s = 0 (t = 0) the normalised noise is defined as x1
            NDArray zeroNoise = s.eq(0);
            NDArray noise = noiseRaw.div(s.add(zeroNoise.toType(s.getDataType(), false)));
            return NDArrays.where(zeroNoise.broadcast(noise.getShape()), x1, noise);
        });
    }
}
