package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.Interpolant;
import java.util.Arrays;

/**
 * Exact fields of an interpolant whose data is Gaussian: the "oracle model" of the suite and the reference
 * of the sampler tests.
 *
 * <p>Data {@code x0 ~ N(m, S)} in R^d with {@code S = R diag(lambda) R^T} (R orthogonal, lambda > 0). With
 * the coefficients {@code c = interpolant.at(t)}, total noise variance {@code s^2 = beta^2 + gamma^2} and
 * {@code C(t) = alpha^2 S + s^2 I}, the marginal of {@code x_t = alpha x0 + beta x1 + gamma z} is
 * {@code N(alpha m, C(t))} and (Albergo, Boffi, Vanden-Eijnden 2023, section 2; SPEC section 2):
 *
 * <ul>
 *   <li>score {@code grad log rho_t(x) = -C^{-1} (x - alpha m)}
 *   <li>posterior mean {@code E[x0 | x_t = x] = m + alpha S C^{-1} (x - alpha m)}
 *   <li>velocity {@code b(t, x) = alpha' E[x0 | x] + (s s') C^{-1} (x - alpha m)}, with
 *       {@code s s' = beta beta' + gamma gamma'} = {@link Coefficients#halfNoiseVarianceDot()}, finite at the
 *       endpoints (since {@code E[x1 | x] = beta C^{-1}(x - alpha m)} and {@code E[z | x] = gamma C^{-1}(...)})
 *   <li>EDM denoiser (VE: alpha = 1, s = sigma) {@code D(x; sigma) = m + S (S + sigma^2 I)^{-1} (x - m)}
 *   <li>flow map of {@code dX/dt = b(t, X)} from t_s to t_e: in eigen-coordinates {@code u = R^T x},
 *       {@code mu = R^T m}, {@code c_i(t) = alpha^2 lambda_i + s^2}, the velocity is
 *       {@code alpha' mu_i + (c_i' / 2 c_i) (u_i - alpha mu_i)}, so
 *       {@code u_i(t_e) = alpha(t_e) mu_i + sqrt(c_i(t_e) / c_i(t_s)) (u_i(t_s) - alpha(t_s) mu_i)}
 * </ul>
 *
 * <p>Every map above is affine, {@code y = p + R diag(w) R^T (x - q)}: its d x d matrix is built in Java
 * doubles for the given t (cheap for small d) and applied to the whole (n, d) batch with one matMul and one
 * add, in the batch's data type and on its manager. Temporaries are closed; the result is a new array.
 */
public final class GaussianOracle {

    private final Interpolant interpolant;
    private final double[] mean;
    private final double[][] rotation;
    private final double[] eigenvalues;
    private final int d;

    /**
     * @param interpolant the path whose fields are computed
     * @param mean data mean m, length d
     * @param rotation R, d x d orthogonal; its columns are the eigenvectors of S
     * @param eigenvalues lambda, length d, all finite and > 0
     */
    public GaussianOracle(Interpolant interpolant, double[] mean, double[][] rotation, double[] eigenvalues) {
        if (interpolant == null) {
            throw new IllegalArgumentException("gaussian oracle: interpolant must not be null");
        }
        this.d = mean.length;
        if (d == 0 || eigenvalues.length != d || rotation.length != d) {
            throw new IllegalArgumentException("gaussian oracle: mean, rotation and eigenvalues sizes differ");
        }
        for (int i = 0; i < d; i++) {
            if (rotation[i].length != d) {
                throw new IllegalArgumentException("gaussian oracle: rotation must be " + d + " x " + d);
            }
            if (!(eigenvalues[i] > 0) || !Double.isFinite(eigenvalues[i]) || !Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("gaussian oracle: eigenvalues must be finite and > 0, mean finite");
            }
            for (int j = 0; j < d; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += rotation[k][i] * rotation[k][j];
                }
                if (Math.abs(dot - (i == j ? 1 : 0)) > 1e-9) {
                    throw new IllegalArgumentException("gaussian oracle: rotation is not orthogonal (R^T R)["
                            + i + "][" + j + "] = " + dot);
                }
            }
        }
        this.interpolant = interpolant;
        this.mean = mean.clone();
        this.rotation = Arrays.stream(rotation).map(double[]::clone).toArray(double[][]::new);
        this.eigenvalues = eigenvalues.clone();
    }

    /** The same data with another interpolant. */
    public GaussianOracle withInterpolant(Interpolant other) {
        return new GaussianOracle(other, mean, rotation, eigenvalues);
    }

    public Interpolant interpolant() {
        return interpolant;
    }

    public int dimension() {
        return d;
    }

    /** Data mean m. */
    public double[] mean() {
        return mean.clone();
    }

    /** Data covariance {@code S = R diag(lambda) R^T}. */
    public double[][] covariance() {
        return spectral(eigenvalues);
    }

    /** Mean of the marginal at time t, {@code alpha(t) m}. */
    public double[] marginalMean(double t) {
        return scaled(mean, interpolant.at(t).alpha());
    }

    /** Covariance of the marginal at time t, {@code C(t) = alpha^2 S + s^2 I}. */
    public double[][] marginalCovariance(double t) {
        return spectral(marginalVariances(interpolant.at(t)));
    }

    /** {@code -C^{-1} (x - alpha m)}. */
    public NDArray score(double t, NDArray x) {
        Coefficients c = interpolant.at(t);
        double[] ci = marginalVariances(c);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = -1 / ci[i];
        }
        return affine(x, w, new double[d], scaled(mean, c.alpha()));
    }

    /** {@code E[x0 | x_t = x] = m + alpha S C^{-1} (x - alpha m)}. */
    public NDArray posteriorMean(double t, NDArray x) {
        Coefficients c = interpolant.at(t);
        double[] ci = marginalVariances(c);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = c.alpha() * eigenvalues[i] / ci[i];
        }
        return affine(x, w, mean, scaled(mean, c.alpha()));
    }

    /** {@code b(t, x) = alpha' m + R diag((alpha alpha' lambda_i + s s') / c_i) R^T (x - alpha m)}. */
    public NDArray velocity(double t, NDArray x) {
        Coefficients c = interpolant.at(t);
        double[] ci = marginalVariances(c);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = (c.alpha() * c.alphaDot() * eigenvalues[i] + c.halfNoiseVarianceDot()) / ci[i];
        }
        return affine(x, w, scaled(mean, c.alphaDot()), scaled(mean, c.alpha()));
    }

    /**
     * EDM denoiser {@code D(x; sigma) = E[x0 | x0 + sigma n = x] = m + S (S + sigma^2 I)^{-1} (x - m)}; it
     * depends on the data only, not on this oracle's interpolant.
     */
    public NDArray denoise(NDArray x, double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("gaussian oracle: sigma must be finite and >= 0, got " + sigma);
        }
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = eigenvalues[i] / (eigenvalues[i] + sigma * sigma);
        }
        return affine(x, w, mean, mean);
    }

    /**
     * Exact flow map of {@code dX/dt = b(t, X)} from tStart to tEnd:
     * {@code alpha_e m + R diag(sqrt(c_i(tEnd) / c_i(tStart))) R^T (x - alpha_s m)}.
     */
    public NDArray flow(NDArray x, double tStart, double tEnd) {
        Coefficients s = interpolant.at(tStart);
        Coefficients e = interpolant.at(tEnd);
        double[] cs = marginalVariances(s);
        double[] ce = marginalVariances(e);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = Math.sqrt(ce[i] / cs[i]);
        }
        return affine(x, w, scaled(mean, e.alpha()), scaled(mean, s.alpha()));
    }

    /** Draws from the marginal at t: {@code alpha m + C(t)^{1/2} xi} for a standard-normal batch xi. */
    public NDArray sampleMarginal(double t, NDArray standardNormal) {
        Coefficients c = interpolant.at(t);
        double[] w = marginalVariances(c);
        for (int i = 0; i < d; i++) {
            w[i] = Math.sqrt(w[i]);
        }
        return affine(standardNormal, w, scaled(mean, c.alpha()), new double[d]);
    }

    /** The velocity as a {@link VectorField} (one NFE per call). */
    public VectorField velocityField() {
        return this::velocity;
    }

    /** Velocity and score together (one NFE per call). */
    public VelocityScoreField velocityScoreField() {
        return (t, x) -> new Drift(velocity(t, x), score(t, x));
    }

    /** The EDM denoiser view. */
    public Denoiser denoiser() {
        return this::denoise;
    }

    /** {@code c_i = alpha^2 lambda_i + s^2}, the eigenvalues of C(t). */
    private double[] marginalVariances(Coefficients c) {
        double[] ci = new double[d];
        for (int i = 0; i < d; i++) {
            ci[i] = c.alpha() * c.alpha() * eigenvalues[i] + c.noiseVariance();
            if (!(ci[i] > 0)) {
                throw new IllegalStateException("gaussian oracle: degenerate marginal at t = " + c.t());
            }
        }
        return ci;
    }

    /** {@code R diag(w) R^T}. */
    private double[][] spectral(double[] w) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += rotation[i][k] * w[k] * rotation[j][k];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    private static double[] scaled(double[] v, double a) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a * v[i];
        }
        return out;
    }

    /**
     * {@code y = p + M (x - q)} with {@code M = R diag(w) R^T} (symmetric), row-wise on the batch:
     * {@code y = x M + (p - M q)}.
     */
    private NDArray affine(NDArray x, double[] w, double[] p, double[] q) {
        Shape shape = x.getShape();
        if (shape.dimension() != 2 || shape.get(1) != d) {
            throw new IllegalArgumentException("gaussian oracle: expected a batch of shape (n, " + d + "), got " + shape);
        }
        double[][] m = spectral(w);
        double[] flat = new double[d * d];
        double[] offset = p.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = m[i][j];
                offset[i] -= m[i][j] * q[j];
            }
        }
        NDManager manager = x.getManager();
        try (NDArray matrix = constant(manager, flat, new Shape(d, d), x.getDataType());
                NDArray shift = constant(manager, offset, new Shape(d), x.getDataType())) {
            return x.matMul(matrix).addi(shift);
        }
    }

    private static NDArray constant(NDManager manager, double[] values, Shape shape, DataType type) {
        if (type == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        NDArray a = manager.create(f, shape);
        if (type == DataType.FLOAT32) {
            return a;
        }
        try (a) {
            return a.toType(type, false);
        }
    }
}
