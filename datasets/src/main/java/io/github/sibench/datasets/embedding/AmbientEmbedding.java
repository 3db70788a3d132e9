package io.github.sibench.datasets.embedding;

import io.github.sibench.core.stats.Gaussian2;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The affine embedding {@code x = U y + b} of the plane into R^d (SPEC section 4): U is d x 2 with
 * orthonormal columns, b an offset, so the data lives exactly on a 2D affine plane of R^d.
 *
 * <ul>
 *   <li>projection back: {@code y = U^T (x - b)}, the exact inverse on the plane;
 *   <li>off-manifold residual: {@code ||x - (U U^T (x - b) + b)|| / sqrt(d)} (SPEC section 5);
 *   <li>analytic z-score: for 2D data of mean m and covariance C, dimension j of x has mean
 *       {@code u_j . m + b_j} and variance {@code u_j^T C u_j}, with {@code u_j} row j of U.
 * </ul>
 *
 * <p>{@link #random} draws U from a Gaussian d x 2 matrix orthonormalised by Gram-Schmidt (applied
 * twice, for orthogonality to rounding precision), then b with i.i.d. {@code N(0, offsetStd^2)}
 * entries from the same generator; the default offset std is {@code 1/sqrt(d)}, so {@code ||b||}
 * is about 1, comparable to the data's spread. Batches are row-major {@code float[n * d]} in
 * ambient space and {@code double[n * 2]} in the plane. Instances are immutable.
 */
public final class AmbientEmbedding {

    /** Default ambient dimension, 56 * 56 * 3 = 9408. */
    public static final int DEFAULT_DIM = 56 * 56 * 3;

    private static final double ORTHONORMAL_TOLERANCE = 1e-9;

    private final int dim;
    private final double[] basis; // d x 2 row-major
    private final double[] offset;

    /**
     * An embedding with the given U (d x 2 row-major, orthonormal columns up to 1e-9) and b (length
     * d); both are copied.
     */
    public AmbientEmbedding(double[] basis, double[] offset) {
        if (basis.length % 2 != 0 || basis.length / 2 != offset.length) {
            throw new IllegalArgumentException("basis must be d x 2 and offset length d, got lengths "
                    + basis.length + " and " + offset.length);
        }
        this.dim = checkDim(offset.length);
        this.basis = basis.clone();
        this.offset = offset.clone();
        double[] gram = {dot(0, 0), dot(0, 1), dot(1, 1)};
        if (Math.abs(gram[0] - 1) > ORTHONORMAL_TOLERANCE || Math.abs(gram[1]) > ORTHONORMAL_TOLERANCE
                || Math.abs(gram[2] - 1) > ORTHONORMAL_TOLERANCE) {
            throw new IllegalArgumentException("basis columns must be orthonormal, got U^T U = [[" + gram[0] + ", "
                    + gram[1] + "], [" + gram[1] + ", " + gram[2] + "]]");
        }
        for (double v : this.offset) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("offset entries must be finite, got " + v);
            }
        }
    }

    /** A random embedding in R^d with offset std {@code 1/sqrt(d)}. */
    public static AmbientEmbedding random(int d, RandomGenerator rng) {
        return random(d, 1 / Math.sqrt(checkDim(d)), rng);
    }

    /** A random embedding in R^d: U by Gram-Schmidt of a Gaussian matrix, then {@code b ~ N(0, offsetStd^2 I)}. */
    public static AmbientEmbedding random(int d, double offsetStd, RandomGenerator rng) {
        checkDim(d);
        if (!(offsetStd >= 0) || !Double.isFinite(offsetStd)) {
            throw new IllegalArgumentException("offsetStd must be finite and >= 0, got " + offsetStd);
        }
        double[] u = new double[2 * d];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
            normalise(u, 0, d);
            double proj = 0;
            for (int j = 0; j < d; j++) {
                proj += u[2 * j] * u[2 * j + 1];
            }
            for (int j = 0; j < d; j++) {
                u[2 * j + 1] -= proj * u[2 * j];
            }
            normalise(u, 1, d);
        }
        double[] b = new double[d];
        for (int j = 0; j < d; j++) {
            b[j] = offsetStd * rng.nextGaussian();
        }
        return new AmbientEmbedding(u, b);
    }

    /** {@link #random(int, RandomGenerator)} with {@code new SplittableRandom(seed)}. */
    public static AmbientEmbedding fromSeed(int d, long seed) {
        return random(d, new SplittableRandom(seed));
    }

    private static void normalise(double[] u, int column, int d) {
        double norm = 0;
        for (int j = 0; j < d; j++) {
            norm += u[2 * j + column] * u[2 * j + column];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            u[2 * j + column] /= norm;
        }
    }

    private static int checkDim(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("ambient dimension d must be >= 2, got " + d);
        }
        return d;
    }

    private double dot(int a, int c) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            s += basis[2 * j + a] * basis[2 * j + c];
        }
        return s;
    }

    /** The ambient dimension d. */
    public int dim() {
        return dim;
    }

    /** U as a new {@code float[d * 2]}, row-major (row j is {@code u_j}). */
    public float[] basis() {
        return toFloat(basis);
    }

    /** b as a new {@code float[d]}. */
    public float[] offset() {
        return toFloat(offset);
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    /** {@code x = U y + b} for n points y ({@code double[n * 2]}), as {@code float[n * d]}. */
    public float[] embed(double[] y, int n) {
        checkLength(y.length, n, 2, "y");
        if ((long) n * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " rows of dimension " + dim + " exceed the maximal array size");
        }
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double y0 = y[2 * i];
            double y1 = y[2 * i + 1];
            int row = i * dim;
            for (int j = 0; j < dim; j++) {
                x[row + j] = (float) (basis[2 * j] * y0 + basis[2 * j + 1] * y1 + offset[j]);
            }
        }
        return x;
    }

    /** {@code y = U^T (x - b)} for n ambient points ({@code float[n * d]}), as {@code double[n * 2]}. */
    public double[] project(float[] x, int n) {
        checkLength(x.length, n, dim, "x");
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            projectRow(x, i, y);
        }
        return y;
    }

    private void projectRow(float[] x, int i, double[] y) {
        double y0 = 0;
        double y1 = 0;
        int row = i * dim;
        for (int j = 0; j < dim; j++) {
            double v = x[row + j] - offset[j];
            y0 += basis[2 * j] * v;
            y1 += basis[2 * j + 1] * v;
        }
        y[2 * i] = y0;
        y[2 * i + 1] = y1;
    }

    /** {@code ||x - (U U^T (x - b) + b)|| / sqrt(d)} for each of the n rows of x. */
    public double[] offManifoldResidual(float[] x, int n) {
        double[] y = project(x, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double y0 = y[2 * i];
            double y1 = y[2 * i + 1];
            int row = i * dim;
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double r = x[row + j] - offset[j] - basis[2 * j] * y0 - basis[2 * j + 1] * y1;
                sq += r * r;
            }
            out[i] = Math.sqrt(sq / dim);
        }
        return out;
    }

    /**
     * The exact per-dimension standardisation of embedded data whose 2D law has the given moments:
     * {@code mean_j = u_j . m + b_j}, {@code std_j = sqrt(u_j^T C u_j)}.
     */
    public ZScore zScore(Gaussian2 moments) {
        double m0 = moments.mx();
        double m1 = moments.my();
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int j = 0; j < dim; j++) {
            double u0 = basis[2 * j];
            double u1 = basis[2 * j + 1];
            mean[j] = (float) (u0 * m0 + u1 * m1 + offset[j]);
            std[j] = (float) Math.sqrt(moments.varianceAlong(u0, u1));
        }
        return new ZScore(mean, std);
    }

    private static void checkLength(int length, int n, int width, String what) {
        if (n < 0 || length != (long) n * width) {
            throw new IllegalArgumentException(what + " must hold " + n + " rows of " + width + " values (length "
                    + ((long) n * width) + "), got length " + length);
        }
    }
}
