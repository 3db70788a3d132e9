package io.github.sibench.models.train;

/**
 * The data a model trains on: n points of dimension dim, already z-scored, row-major, with optional
 * class labels.
 *
 * @param x the points, length n * dim
 * @param n number of points
 * @param dim dimension of each point
 * @param labels class label of each point in [0, numClasses), or -1 for "no label"; null when unlabelled
 * @param numClasses number of classes (0 when unlabelled)
 */
public record TrainingSet(float[] x, int n, int dim, int[] labels, int numClasses) {

    public TrainingSet {
        if (n < 1 || dim < 1 || x == null || x.length != (long) n * dim) {
            throw new IllegalArgumentException("training set: need n >= 1, dim >= 1 and n * dim values; got n=" + n
                    + ", dim=" + dim + ", values=" + (x == null ? 0 : x.length));
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new IllegalArgumentException("training set: " + labels.length + " labels for " + n + " points");
            }
            for (int l : labels) {
                if (l < -1 || l >= numClasses) {
                    throw new IllegalArgumentException("training set: label " + l + " outside [-1, " + numClasses + ")");
                }
            }
        }
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("training set: contains a non-finite value (" + v + ")");
            }
        }
    }

    /** Unlabelled data. */
    public static TrainingSet unlabelled(float[] x, int n, int dim) {
        return new TrainingSet(x, n, dim, null, 0);
    }
}
