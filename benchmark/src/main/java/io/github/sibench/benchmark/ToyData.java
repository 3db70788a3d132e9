package io.github.sibench.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.benchmark.config.ClassDraw;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.PreparedToy;
import io.github.sibench.datasets.Toy2DRegistry;
import io.github.sibench.datasets.embedding.AmbientEmbedding;
import io.github.sibench.datasets.embedding.ZScore;
import io.github.sibench.models.train.TrainingSet;

/**
 * The harness side of a run's data: the {@link PreparedToy} of the configured dataset (embedding, z-scoring,
 * training points, label masks and class draws all live there), turned into what models take and give
 * back: {@link TrainingSet}s per setting, and generated NDArray batches projected to the plane.
 *
 * <p>Seeds: the embedding is {@code AmbientEmbedding.fromSeed(d, embeddingSeed)}; every draw of the data
 * derives from {@code SeedTree.root(dataSeed)} ({@link PreparedToy#seeds()}); the label mask and the class
 * draws from the node the caller passes.
 */
public final class ToyData {

    private final DatasetConfig config;
    private final PreparedToy prepared;
    private final TrainingSet training;

    private ToyData(DatasetConfig config) {
        this.config = config;
        Toy2DRegistry entry;
        try {
            entry = Toy2DRegistry.byName(config.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset.name: " + e.getMessage());
        }
        AmbientEmbedding embedding = AmbientEmbedding.fromSeed(config.ambientDim(), config.embeddingSeed());
        this.prepared = PreparedToy.prepare(entry.toy(), embedding, config.nTrain(), SeedTree.root(config.dataSeed()));
        this.training = new TrainingSet(prepared.trainingX(), prepared.nTrain(), prepared.dim(),
                prepared.trainingLabels(), prepared.numClasses());
    }

    public static ToyData prepare(DatasetConfig config) {
        return new ToyData(config);
    }

    public DatasetConfig config() {
        return config;
    }

    /** The prepared dataset: toy, embedding, z-scoring, reference moments and class weights, training points. */
    public PreparedToy prepared() {
        return prepared;
    }

    /** The z-scored training set with every label. */
    public TrainingSet training() {
        return training;
    }

    /**
     * The training set of a setting: without labels ({@code unsup}), with all labels ({@code cfg}), or with
     * labels on a random {@code labelledFraction} of the points drawn from {@code seeds} and the null label
     * elsewhere ({@code semi}, {@link PreparedToy#maskedLabels}).
     */
    public TrainingSet training(Setting setting, double labelledFraction, SeedTree seeds) {
        return switch (setting) {
            case UNSUP -> TrainingSet.unlabelled(training.x(), training.n(), training.dim());
            case CFG -> training;
            case SEMI -> new TrainingSet(training.x(), training.n(), training.dim(),
                    prepared.maskedLabels(labelledFraction, seeds), training.numClasses());
        };
    }

    /** The class of each of n points to generate, drawn by {@code draw} from {@code seeds}. */
    public int[] drawClasses(int n, ClassDraw draw, SeedTree seeds) {
        return prepared.drawClasses(n, draw.probabilities(prepared.classWeights()), seeds);
    }

    /**
     * Maps a generated batch in the z-scored ambient space back to the plane: {@code x = z std + mean},
     * {@code y = U^T (x - b)}, and the off-manifold residual {@code |x - (U y + b)| / sqrt(d)} of each
     * row (SPEC section 5). Only n x 3 numbers leave native memory.
     */
    public Projected project(NDArray z) {
        int d = config.ambientDim();
        int n = Math.toIntExact(z.getShape().get(0));
        AmbientEmbedding embedding = prepared.embedding();
        ZScore zScore = prepared.zScore();
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
