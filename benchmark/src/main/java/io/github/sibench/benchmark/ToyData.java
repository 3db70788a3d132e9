package io.github.sibench.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.Toy2DRegistry;
import io.github.sibench.datasets.embedding.AmbientEmbedding;
import io.github.sibench.datasets.embedding.ZScore;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import io.github.sibench.models.train.TrainingSet;
import java.util.SplittableRandom;

/**
 * A run's data, prepared once: the 2D toy, its embedding {@code x = U y + b} in R^d (SPEC section 4),
 * the per-dimension standardisation from the toy's moments, and the z-scored training set. Generated
 * batches go back through {@link #project(NDArray)}.
 *
 * <p>The reference moments are exact when the toy has them in closed form, otherwise estimated from
 * {@value #REFERENCE_SAMPLES} samples drawn with a seed derived from the data seed.
 */
public final class ToyData {

    static final int REFERENCE_SAMPLES = 200_000;

    private final DatasetConfig config;
    private final Toy2D toy;
    private final AmbientEmbedding embedding;
    private final Gaussian2 moments;
    private final boolean exactMoments;
    private final ZScore zScore;
    private final TrainingSet training;
    private final double[] classWeights;

    private ToyData(DatasetConfig config) {
        this.config = config;
        Toy2DRegistry entry;
        try {
            entry = Toy2DRegistry.byName(config.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset.name: " + e.getMessage());
        }
        this.toy = entry.toy();
        this.embedding = AmbientEmbedding.fromSeed(config.ambientDim(), config.embeddingSeed());
        this.exactMoments = toy.moments().isPresent();
        Points reference = toy instanceof GaussianMixture2D && exactMoments ? null
                : toy.sample(REFERENCE_SAMPLES, new SplittableRandom(config.dataSeed() ^ 0x5DEECE66DL));
        this.moments = toy.moments().orElseGet(() -> empirical(reference));
        this.classWeights = toy instanceof GaussianMixture2D g ? g.classWeights()
                : frequencies(reference.labels(), toy.numClasses());
        this.zScore = embedding.zScore(moments);
        Points train = toy.sample(config.nTrain(), new SplittableRandom(config.dataSeed()));
        float[] x = zScore.apply(embedding.embed(train.xy(), config.nTrain()), config.nTrain());
        this.training = new TrainingSet(x, config.nTrain(), config.ambientDim(), train.labels(), toy.numClasses());
    }

    public static ToyData prepare(DatasetConfig config) {
        return new ToyData(config);
    }

    private static double[] frequencies(int[] labels, int numClasses) {
        double[] f = new double[Math.max(1, numClasses)];
        for (int l : labels) {
            f[l] += 1.0 / labels.length;
        }
        return f;
    }

    private static Gaussian2 empirical(Points p) {
        return Gaussian2.fit(p.xy());
    }

    public DatasetConfig config() {
        return config;
    }

    public Toy2D toy() {
        return toy;
    }

    public AmbientEmbedding embedding() {
        return embedding;
    }

    /** Mean and covariance of the 2D reference distribution. */
    public Gaussian2 moments() {
        return moments;
    }

    /** Whether {@link #moments()} is exact (else estimated from many samples). */
    public boolean exactMoments() {
        return exactMoments;
    }

    /** The z-scored training set (with the toy's class labels). */
    public TrainingSet training() {
        return training;
    }

    /**
     * The training set of a setting: without labels ({@code unsup}), with all labels ({@code cfg}), or
     * with labels on a random {@code labelledFraction} of the points chosen from {@code seed} and the
     * null label (-1) elsewhere ({@code semi}).
     */
    public TrainingSet training(Setting setting, double labelledFraction, long seed) {
        return switch (setting) {
            case UNSUP -> TrainingSet.unlabelled(training.x(), training.n(), training.dim());
            case CFG -> training;
            case SEMI -> {
                int[] labels = new int[training.n()];
                java.util.Arrays.fill(labels, -1);
                int keep = (int) Math.round(labelledFraction * training.n());
                int[] order = permutation(training.n(), new SplittableRandom(seed ^ 0x1F123BB5L));
                for (int i = 0; i < keep; i++) {
                    labels[order[i]] = training.labels()[order[i]];
                }
                yield new TrainingSet(training.x(), training.n(), training.dim(), labels, training.numClasses());
            }
        };
    }

    /** Class of each of n points to generate, drawn i.i.d. with the true class weights from {@code seed}. */
    public int[] drawClasses(int n, long seed) {
        double[] w = classWeights;
        SplittableRandom rng = new SplittableRandom(seed ^ 0x3C6EF372FE94F82AL);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < w.length - 1 && u >= w[k]) {
                u -= w[k];
                k++;
            }
            out[i] = k;
        }
        return out;
    }

    /**
     * True class weights: exact for a Gaussian mixture, else the class frequencies of the reference
     * distribution estimated from {@value #REFERENCE_SAMPLES} samples.
     */
    public double[] classWeights() {
        return classWeights.clone();
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Maps a generated batch in the z-scored ambient space back to the plane: {@code x = z std + mean},
     * {@code y = U^T (x - b)}, and the off-manifold residual {@code |x - (U y + b)| / sqrt(d)} of each
     * row (SPEC section 5). Only n x 3 numbers leave native memory.
     */
    public Projected project(NDArray z) {
        int d = config.ambientDim();
        int n = Math.toIntExact(z.getShape().get(0));
        try (NDManager m = z.getManager().newSubManager()) {
            z.tempAttach(m); // every intermediate lands on m; z returns to its manager when m closes
            NDArray u = m.create(embedding.basis(), new Shape(d, 2));
            NDArray centred = z.mul(m.create(zScore.std())).add(m.create(zScore.mean())).sub(m.create(embedding.offset()));
            NDArray y = centred.matMul(u);
            NDArray residual = centred.sub(y.matMul(u.transpose())).norm(new int[] {1}).div(Math.sqrt(d));
            float[] yf = y.toFloatArray();
            float[] rf = residual.toFloatArray();
            double[] yd = new double[2 * n];
            double[] rd = new double[n];
            for (int i = 0; i < 2 * n; i++) {
                yd[i] = yf[i];
            }
            for (int i = 0; i < n; i++) {
                rd[i] = rf[i];
            }
            return new Projected(yd, rd);
        }
    }

    /**
     * Generated points in the plane.
     *
     * @param y 2D coordinates, row-major n x 2
     * @param residual off-manifold residual of each point
     */
    public record Projected(double[] y, double[] residual) {}
}
