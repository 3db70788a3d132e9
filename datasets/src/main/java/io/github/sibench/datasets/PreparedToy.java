package io.github.sibench.datasets;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.embedding.AmbientEmbedding;
import io.github.sibench.datasets.embedding.ZScore;
import io.github.sibench.datasets.plane.ClassRegions;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A 2D toy prepared for a run (SPEC section 4): embedded in R^d by {@code x = U y + b}, standardised per
 * dimension from the toy's moments, with its training set drawn; plus the draws a run makes from the data
 * (the label mask of a semi-supervised setting, the classes requested from a guided model).
 *
 * <p>Reference quantities: the moments are exact when the toy has them ({@link Toy2D#moments()}),
 * otherwise the sample mean and covariance of {@value #REFERENCE_SAMPLES} points; the class weights are
 * exact when the toy knows its classes ({@link Toy2D#classes()}), otherwise the class frequencies of the
 * same points. The z-scoring {@code z_j = (x_j - mean_j) / std_j} uses {@code mean_j = u_j . m + b_j} and
 * {@code std_j = sqrt(u_j^T C u_j)} from those moments ({@link AmbientEmbedding#zScore}).
 *
 * <p>Randomness: every draw comes from a {@link SeedTree} node. The training points and the reference
 * points come from the children {@code "train"} and {@code "reference"} of the data seeds given to
 * {@link #prepare}; the label mask and the class draws from the node their caller passes in. Nothing
 * depends on the order of the calls. Instances are immutable (arrays are returned as copies, except
 * {@link #trainingX()}, which is large and shared read-only).
 */
public final class PreparedToy {

    /** Points drawn to estimate moments and class weights that a toy does not know exactly. */
    public static final int REFERENCE_SAMPLES = 200_000;

    /** The label of a training point whose label is hidden (the null label of classifier-free guidance). */
    public static final int NULL_LABEL = -1;

    private final Toy2D toy;
    private final AmbientEmbedding embedding;
    private final SeedTree seeds;
    private final Gaussian2 moments;
    private final boolean exactMoments;
    private final double[] classWeights;
    private final boolean exactClassWeights;
    private final ZScore zScore;
    private final Points training;
    private final float[] trainingX;

    private PreparedToy(Toy2D toy, AmbientEmbedding embedding, int nTrain, SeedTree seeds) {
        this.toy = Objects.requireNonNull(toy, "toy");
        this.embedding = Objects.requireNonNull(embedding, "embedding");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        if (nTrain < 1) {
            throw new IllegalArgumentException("nTrain must be >= 1, got " + nTrain);
        }
        this.exactMoments = toy.moments().isPresent();
        this.exactClassWeights = toy.classes().isPresent();
        Points reference = exactMoments && exactClassWeights ? null
                : toy.sample(REFERENCE_SAMPLES, seeds.child("reference").rng());
        this.moments = toy.moments().orElseGet(() -> Gaussian2.fit(reference.xy()));
        this.classWeights = toy.classes().map(ClassRegions::classWeights)
                .orElseGet(() -> frequencies(reference.labels(), toy.numClasses()));
        this.zScore = embedding.zScore(moments);
        this.training = toy.sample(nTrain, seeds.child("train").rng());
        this.trainingX = zScore.apply(embedding.embed(training.xy(), nTrain), nTrain);
    }

    /**
     * Prepares {@code toy} in the ambient space of {@code embedding} with {@code nTrain} training points.
     *
     * @param dataSeeds the node the data's draws derive from (e.g. {@code SeedTree.root(dataSeed)})
     */
    public static PreparedToy prepare(Toy2D toy, AmbientEmbedding embedding, int nTrain, SeedTree dataSeeds) {
        return new PreparedToy(toy, embedding, nTrain, dataSeeds);
    }

    private static double[] frequencies(int[] labels, int numClasses) {
        long[] count = new long[Math.max(1, numClasses)];
        for (int l : labels) {
            count[l]++;
        }
        double[] f = new double[count.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = count[c] / (double) labels.length;
        }
        return f;
    }

    /** The 2D toy. */
    public Toy2D toy() {
        return toy;
    }

    /** The embedding {@code x = U y + b}. */
    public AmbientEmbedding embedding() {
        return embedding;
    }

    /** The per-dimension standardisation of the embedded data. */
    public ZScore zScore() {
        return zScore;
    }

    /** The node the data's own draws derive from (children {@code "train"}, {@code "reference"}, ...). */
    public SeedTree seeds() {
        return seeds;
    }

    /** Mean and covariance of the 2D reference distribution. */
    public Gaussian2 moments() {
        return moments;
    }

    /** Whether {@link #moments()} is exact (else estimated from {@value #REFERENCE_SAMPLES} points). */
    public boolean exactMoments() {
        return exactMoments;
    }

    /** The true class weights (a new array): exact, or estimated as documented in the class comment. */
    public double[] classWeights() {
        return classWeights.clone();
    }

    /** Whether {@link #classWeights()} is exact. */
    public boolean exactClassWeights() {
        return exactClassWeights;
    }

    /** Number of class labels of the toy. */
    public int numClasses() {
        return toy.numClasses();
    }

    /** Number of training points n. */
    public int nTrain() {
        return training.size();
    }

    /** The ambient dimension d. */
    public int dim() {
        return embedding.dim();
    }

    /** The training points in the plane, with their labels and components. */
    public Points trainingPoints() {
        return new Points(training.xy().clone(), training.labels().clone(), training.components().clone());
    }

    /** The training points embedded and z-scored, row-major {@code n x d} (shared: do not modify). */
    public float[] trainingX() {
        return trainingX;
    }

    /** Every training label (a new array). */
    public int[] trainingLabels() {
        return training.labels().clone();
    }

    /**
     * The training labels with all but a random {@code round(labelledFraction n)} of them replaced by
     * {@link #NULL_LABEL}: the kept points are the first ones of a uniform random permutation (Fisher-Yates)
     * drawn from {@code seeds}.
     */
    public int[] maskedLabels(double labelledFraction, SeedTree seeds) {
        if (!(labelledFraction >= 0 && labelledFraction <= 1)) {
            throw new IllegalArgumentException("labelledFraction must be in [0, 1], got " + labelledFraction);
        }
        int n = nTrain();
        int[] labels = new int[n];
        Arrays.fill(labels, NULL_LABEL);
        int keep = (int) Math.round(labelledFraction * n);
        int[] order = permutation(n, seeds.rng());
        for (int i = 0; i < keep; i++) {
            labels[order[i]] = training.labels()[order[i]];
        }
        return labels;
    }

    /**
     * n classes drawn i.i.d. from {@code probabilities} (one per class, non-negative, summing to 1 within
     * 1e-9) by inverse CDF on uniforms from {@code seeds}: e.g. {@link #classWeights()} for the true law.
     */
    public int[] drawClasses(int n, double[] probabilities, SeedTree seeds) {
        if (probabilities.length != numClasses()) {
            throw new IllegalArgumentException("need one probability per class (" + numClasses() + "), got "
                    + probabilities.length);
        }
        double total = 0;
        for (double p : probabilities) {
            if (!(p >= 0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("class probabilities must be finite and >= 0, got "
                        + Arrays.toString(probabilities));
            }
            total += p;
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("class probabilities must sum to 1, got " + total);
        }
        if (n < 0) {
            throw new IllegalArgumentException("number of classes to draw must be >= 0, got " + n);
        }
        SplittableRandom rng = seeds.rng();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < probabilities.length - 1 && u >= probabilities[k]) {
                u -= probabilities[k];
                k++;
            }
            out[i] = k;
        }
        return out;
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
}
