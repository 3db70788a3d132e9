package io.github.sibench.datasets.mixture;

import io.github.sibench.datasets.plane.Covariance2D;
import io.github.sibench.datasets.plane.Density2D;
import io.github.sibench.datasets.plane.Moments2D;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import io.github.sibench.datasets.plane.Vec2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * A labelled mixture of K bivariate Gaussians, {@code p(y) = sum_k w_k N(y; m_k, C_k)}, each
 * component k carrying a class label {@code c_k}.
 *
 * <p>Weights are normalised at construction. Everything is exact:
 *
 * <ul>
 *   <li>density: {@code log p(y) = logsumexp_k [log w_k - log(2 pi) - (1/2) log det C_k -
 *       (1/2) (y - m_k)^T C_k^-1 (y - m_k)]}, accumulated with a streaming log-sum-exp so that it
 *       stays finite far from every component;
 *   <li>per class: {@code log p(y, c) = logsumexp over the components of class c} (same terms), and
 *       {@link #classOf} is {@code argmax_c p(c | y)}, the class of largest posterior
 *       responsibility;
 *   <li>moments, by the law of total covariance: {@code m = sum_k w_k m_k},
 *       {@code C = sum_k w_k [C_k + (m_k - m)(m_k - m)^T]}; per class the same sums restricted to
 *       the class and divided by its weight {@code W_c = sum_{k: c_k = c} w_k}.
 * </ul>
 *
 * <p>Sampling picks a component by inverse CDF on the weights, then {@code y = m_k + L_k z} with
 * {@code L_k} the Cholesky factor of {@code C_k} and z standard normal. Labels must be
 * {@code 0 .. numClasses - 1}, each with positive total weight. Instances are immutable.
 */
public final class GaussianMixture2D implements Toy2D, Density2D {

    /**
     * One mixture component.
     *
     * @param weight non-negative finite weight (relative; the mixture normalises)
     * @param mean component mean m_k
     * @param covariance component covariance C_k
     * @param label class label c_k >= 0
     */
    public record Component(double weight, Vec2 mean, Covariance2D covariance, int label) {

        /** Validates weight, label and presence of mean and covariance. */
        public Component {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("component weight must be finite and >= 0, got " + weight);
            }
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(covariance, "covariance");
            if (label < 0) {
                throw new IllegalArgumentException("component label must be >= 0, got " + label);
            }
        }
    }

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final String name;
    private final List<Component> components;
    private final int numClasses;
    private final Moments2D moments;
    private final double[] classWeights;
    private final Moments2D[] classMoments;

    // Struct-of-arrays copies for the hot loops.
    private final int[] labels;
    private final int[] noGroups;
    private final double[] mx;
    private final double[] my;
    private final double[] precXx;
    private final double[] precXy;
    private final double[] precYy;
    private final double[] logCoef;
    private final double[] cholXx;
    private final double[] cholYx;
    private final double[] cholYy;
    private final double[] cdf;

    /**
     * A mixture of the given components.
     *
     * @param name short stable name returned by {@link #name()}
     * @param components at least one component; weights are normalised to sum to 1
     */
    public GaussianMixture2D(String name, List<Component> components) {
        this.name = Objects.requireNonNull(name, "name");
        int k = components.size();
        if (k == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        double total = 0;
        int maxLabel = 0;
        for (Component c : components) {
            total += c.weight();
            maxLabel = Math.max(maxLabel, c.label());
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("component weights must have a positive finite sum, got " + total);
        }
        List<Component> normalised = new ArrayList<>(k);
        for (Component c : components) {
            normalised.add(new Component(c.weight() / total, c.mean(), c.covariance(), c.label()));
        }
        this.components = List.copyOf(normalised);
        this.numClasses = maxLabel + 1;

        labels = new int[k];
        noGroups = new int[k];
        mx = new double[k];
        my = new double[k];
        precXx = new double[k];
        precXy = new double[k];
        precYy = new double[k];
        logCoef = new double[k];
        cholXx = new double[k];
        cholYx = new double[k];
        cholYy = new double[k];
        cdf = new double[k];
        double cumulative = 0;
        for (int i = 0; i < k; i++) {
            Component c = this.components.get(i);
            Covariance2D cov = c.covariance();
            double det = cov.det();
            labels[i] = c.label();
            mx[i] = c.mean().x();
            my[i] = c.mean().y();
            precXx[i] = cov.yy() / det;
            precXy[i] = -cov.xy() / det;
            precYy[i] = cov.xx() / det;
            logCoef[i] = Math.log(c.weight()) - LOG_2PI - 0.5 * Math.log(det);
            cholXx[i] = Math.sqrt(cov.xx());
            cholYx[i] = cov.xy() / cholXx[i];
            cholYy[i] = Math.sqrt(det / cov.xx());
            cumulative += c.weight();
            cdf[i] = cumulative;
        }
        cdf[k - 1] = Double.POSITIVE_INFINITY; // every u in [0, 1) selects a component

        classWeights = new double[numClasses];
        for (Component c : this.components) {
            classWeights[c.label()] += c.weight();
        }
        classMoments = new Moments2D[numClasses];
        for (int label = 0; label < numClasses; label++) {
            if (!(classWeights[label] > 0)) {
                throw new IllegalArgumentException("labels must be 0 .. " + maxLabel
                        + " each with positive weight, but class " + label + " has weight 0");
            }
            int cls = label;
            classMoments[label] = momentsOf(i -> labels[i] == cls);
        }
        moments = momentsOf(i -> true);
    }

    /** Weighted mean and covariance (law of total covariance) of the components selected by include. */
    private Moments2D momentsOf(IntPredicate include) {
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < components.size(); i++) {
            if (include.test(i)) {
                double wi = components.get(i).weight();
                w += wi;
                sx += wi * mx[i];
                sy += wi * my[i];
            }
        }
        double meanX = sx / w;
        double meanY = sy / w;
        double cxx = 0;
        double cxy = 0;
        double cyy = 0;
        for (int i = 0; i < components.size(); i++) {
            if (include.test(i)) {
                Component c = components.get(i);
                double dx = mx[i] - meanX;
                double dy = my[i] - meanY;
                cxx += c.weight() * (c.covariance().xx() + dx * dx);
                cxy += c.weight() * (c.covariance().xy() + dx * dy);
                cyy += c.weight() * (c.covariance().yy() + dy * dy);
            }
        }
        return new Moments2D(new Vec2(meanX, meanY), new Covariance2D(cxx / w, cxy / w, cyy / w));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int numComponents() {
        return components.size();
    }

    /** The components, with normalised weights, in construction order. */
    public List<Component> components() {
        return components;
    }

    /** Component k (normalised weight). */
    public Component component(int k) {
        return components.get(k);
    }

    @Override
    public Optional<Density2D> density() {
        return Optional.of(this);
    }

    @Override
    public Optional<Moments2D> moments() {
        return Optional.of(moments);
    }

    /** The exact mixture mean {@code sum_k w_k m_k}. */
    public Vec2 mean() {
        return moments.mean();
    }

    /** The exact mixture covariance {@code sum_k w_k [C_k + (m_k - m)(m_k - m)^T]}. */
    public Covariance2D covariance() {
        return moments.covariance();
    }

    /** The class weights {@code W_c = sum_{k: c_k = c} w_k} (a new array, sums to 1). */
    public double[] classWeights() {
        return classWeights.clone();
    }

    /** The exact mean of class c (the mixture restricted to its components). */
    public Vec2 classMean(int c) {
        return classMoments[checkClass(c)].mean();
    }

    /** The exact covariance of class c (law of total covariance within the class). */
    public Covariance2D classCovariance(int c) {
        return classMoments[checkClass(c)].covariance();
    }

    private int checkClass(int c) {
        if (c < 0 || c >= numClasses) {
            throw new IllegalArgumentException("class must be in [0, " + numClasses + "), got " + c);
        }
        return c;
    }

    @Override
    public double logDensity(double x, double y) {
        return logSumExpByGroup(x, y, noGroups, 1)[0];
    }

    /** {@code log p(y, c) = log sum_{k: c_k = c} w_k N(y; m_k, C_k)} for every class c. */
    public double[] logDensityPerClass(double x, double y) {
        return logSumExpByGroup(x, y, labels, numClasses);
    }

    /** The class of largest posterior responsibility {@code p(c | y)} at (x, y); ties go to the lower label. */
    public int classOf(double x, double y) {
        double[] perClass = logDensityPerClass(x, y);
        int best = 0;
        for (int c = 1; c < perClass.length; c++) {
            if (perClass[c] > perClass[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #classOf(double, double)} at each of the n points of {@code xy} (length 2n, row-major). */
    public int[] classOf(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold n * 2 row-major coordinates, got length " + xy.length);
        }
        int[] out = new int[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = classOf(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }

    /**
     * Streaming log-sum-exp of the component log-terms, grouped by {@code group[k]}: keeps per group
     * the running maximum m and {@code s = sum exp(term - m)}, so one exp per term and no overflow.
     */
    private double[] logSumExpByGroup(double x, double y, int[] group, int numGroups) {
        double[] max = new double[numGroups];
        double[] sum = new double[numGroups];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < mx.length; k++) {
            double dx = x - mx[k];
            double dy = y - my[k];
            double term = logCoef[k] - 0.5 * (precXx[k] * dx * dx + 2 * precXy[k] * dx * dy + precYy[k] * dy * dy);
            if (term == Double.NEGATIVE_INFINITY) {
                continue; // zero-weight component
            }
            int g = group[k];
            if (term <= max[g]) {
                sum[g] += Math.exp(term - max[g]);
            } else {
                sum[g] = sum[g] * Math.exp(max[g] - term) + 1;
                max[g] = term;
            }
        }
        for (int g = 0; g < numGroups; g++) {
            max[g] += Math.log(sum[g]);
        }
        return max;
    }

    /** Draws n points; labels and component indices are filled in. */
    @Override
    public Points sample(int n, RandomGenerator rng) {
        Points points = Points.allocate(n);
        double[] xy = points.xy();
        for (int i = 0; i < n; i++) {
            int k = pickComponent(rng.nextDouble());
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            xy[2 * i] = mx[k] + cholXx[k] * z1;
            xy[2 * i + 1] = my[k] + cholYx[k] * z1 + cholYy[k] * z2;
            points.labels()[i] = labels[k];
            points.components()[i] = k;
        }
        return points;
    }

    /** The first component whose cumulative weight exceeds u (zero-weight components are never picked). */
    private int pickComponent(double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cdf[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "GaussianMixture2D[" + name + ", " + components.size() + " components, " + numClasses + " classes]";
    }
}
