package io.github.sibench.datasets.mixture;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.ClassRegions;
import io.github.sibench.datasets.plane.Density2D;
import io.github.sibench.datasets.plane.GaussianComponents;
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
 *       stays finite far from every component; per class, {@code log p(y, c)} is the same sum over the
 *       components of class c;
 *   <li>moments, by the law of total covariance: {@code m = sum_k w_k m_k},
 *       {@code C = sum_k w_k [C_k + (m_k - m)(m_k - m)^T]}; per class the same sums restricted to
 *       the class and divided by its weight {@code W_c = sum_{k: c_k = c} w_k}.
 * </ul>
 *
 * <p>Class regions ({@link #classOf}): a point belongs to the class of its <em>nearest component mean in
 * Euclidean distance</em>, {@code argmin_k |y - m_k|} over the components of positive weight, and is
 * {@link ClassRegions#OFF_SUPPORT} when that distance exceeds the off-support radius
 * {@code R = }{@value #OFF_SUPPORT_STDS}{@code  x} the largest principal standard deviation of any
 * component (0.318 on the seed toy). Why this distance: any rule that measures the distance in a
 * component's own scale favours wide components far from the data. The largest posterior
 * {@code argmax_c p(y, c)} compares {@code -|d|^2 / (2 s^2) - log s}, so beyond a few narrow-component
 * standard deviations the widest component wins (a point 0.1 off the seed toy's filament, whose width is
 * 0.003, went to the blue rectangle, whose std is 0.08, 1.7 away); the Mahalanobis distance
 * {@code |d| / s} does the same, only more slowly; the distance to a component's 1-sigma ellipse still
 * gives every component a head start of its own width. The Euclidean distance to the mean gives none: the
 * regions are the Voronoi cells of the component means, independent of the widths. It suits mixtures
 * whose components tile each cluster densely (neighbouring means closer than a few of their
 * standard deviations, as in every toy of the suite) so that within a cluster every point is near one of
 * its own means; R, tied to the widest component, keeps true samples in (a point beyond 4 standard
 * deviations of its own component has probability {@code exp(-8) = 3e-4} in 2D) while points in the
 * empty space between clusters count apart.
 *
 * <p>Sampling picks a component by inverse CDF on the weights, then {@code y = m_k + L_k z} with
 * {@code L_k} the Cholesky factor of {@code C_k} and z standard normal. Labels must be
 * {@code 0 .. numClasses - 1}, each with positive total weight. Instances are immutable.
 */
public final class GaussianMixture2D implements Toy2D, Density2D, ClassRegions, GaussianComponents {

    /** The off-support radius in units of the largest principal standard deviation of any component. */
    public static final double OFF_SUPPORT_STDS = 4.0;

    /**
     * One mixture component.
     *
     * @param weight non-negative finite weight (relative; the mixture normalises)
     * @param gaussian component mean m_k and covariance C_k (positive definite)
     * @param label class label c_k >= 0
     */
    public record Component(double weight, Gaussian2 gaussian, int label) {

        /** Validates weight, label and the covariance. */
        public Component {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("component weight must be finite and >= 0, got " + weight);
            }
            Objects.requireNonNull(gaussian, "gaussian");
            if (!gaussian.isPositiveDefinite()) {
                throw new IllegalArgumentException("component covariance must be positive definite, got " + gaussian);
            }
            if (label < 0) {
                throw new IllegalArgumentException("component label must be >= 0, got " + label);
            }
        }

        /** The component mean m_k as a point. */
        public Vec2 mean() {
            return new Vec2(gaussian.mx(), gaussian.my());
        }
    }

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final String name;
    private final List<Component> components;
    private final int numClasses;
    private final Gaussian2 moments;
    private final double[] classWeights;
    private final Gaussian2[] classMoments;
    private final double offSupportRadius;

    // Struct-of-arrays copies for the hot loops.
    private final int[] labels;
    private final int[] noGroups;
    private final double[] weights;
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
            normalised.add(new Component(c.weight() / total, c.gaussian(), c.label()));
        }
        this.components = List.copyOf(normalised);
        this.numClasses = maxLabel + 1;

        labels = new int[k];
        noGroups = new int[k];
        weights = new double[k];
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
        double widest = 0;
        for (int i = 0; i < k; i++) {
            Component c = this.components.get(i);
            Gaussian2 g = c.gaussian();
            double det = g.det();
            labels[i] = c.label();
            weights[i] = c.weight();
            mx[i] = g.mx();
            my[i] = g.my();
            precXx[i] = g.syy() / det;
            precXy[i] = -g.sxy() / det;
            precYy[i] = g.sxx() / det;
            logCoef[i] = Math.log(c.weight()) - LOG_2PI - 0.5 * Math.log(det);
            cholXx[i] = Math.sqrt(g.sxx());
            cholYx[i] = g.sxy() / cholXx[i];
            cholYy[i] = Math.sqrt(det / g.sxx());
            cumulative += c.weight();
            cdf[i] = cumulative;
            if (c.weight() > 0) {
                widest = Math.max(widest, g.maxStd());
            }
        }
        cdf[k - 1] = Double.POSITIVE_INFINITY; // every u in [0, 1) selects a component
        offSupportRadius = OFF_SUPPORT_STDS * widest;

        classWeights = new double[numClasses];
        for (Component c : this.components) {
            classWeights[c.label()] += c.weight();
        }
        classMoments = new Gaussian2[numClasses];
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
    private Gaussian2 momentsOf(IntPredicate include) {
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < weights.length; i++) {
            if (include.test(i)) {
                w += weights[i];
                sx += weights[i] * mx[i];
                sy += weights[i] * my[i];
            }
        }
        double meanX = sx / w;
        double meanY = sy / w;
        double cxx = 0;
        double cxy = 0;
        double cyy = 0;
        for (int i = 0; i < weights.length; i++) {
            if (include.test(i)) {
                Gaussian2 g = components.get(i).gaussian();
                double dx = mx[i] - meanX;
                double dy = my[i] - meanY;
                cxx += weights[i] * (g.sxx() + dx * dx);
                cxy += weights[i] * (g.sxy() + dx * dy);
                cyy += weights[i] * (g.syy() + dy * dy);
            }
        }
        return new Gaussian2(meanX, meanY, cxx / w, cxy / w, cyy / w);
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
    public double weight(int k) {
        return weights[k];
    }

    @Override
    public Gaussian2 gaussian(int k) {
        return components.get(k).gaussian();
    }

    @Override
    public int label(int k) {
        return labels[k];
    }

    @Override
    public Optional<Density2D> density() {
        return Optional.of(this);
    }

    @Override
    public Optional<Gaussian2> moments() {
        return Optional.of(moments);
    }

    @Override
    public Optional<ClassRegions> classes() {
        return Optional.of(this);
    }

    @Override
    public Optional<GaussianComponents> gaussianComponents() {
        return Optional.of(this);
    }

    /** The exact mixture mean {@code sum_k w_k m_k} and covariance {@code sum_k w_k [C_k + (m_k - m)(m_k - m)^T]}. */
    public Gaussian2 exactMoments() {
        return moments;
    }

    /** The class weights {@code W_c = sum_{k: c_k = c} w_k} (a new array, sums to 1). */
    @Override
    public double[] classWeights() {
        return classWeights.clone();
    }

    /** The exact mean and covariance of class c (law of total covariance within the class). */
    @Override
    public Gaussian2 classMoments(int c) {
        return classMoments[checkClass(c)];
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

    /** {@value #OFF_SUPPORT_STDS} times the largest principal standard deviation of any component. */
    @Override
    public double offSupportRadius() {
        return offSupportRadius;
    }

    /**
     * The label of the component of positive weight whose mean is nearest to (x, y) in Euclidean distance
     * (ties go to the lower index), or {@link ClassRegions#OFF_SUPPORT} when that mean is farther than
     * {@link #offSupportRadius()}; see the class comment for the choice of distance.
     */
    @Override
    public int classOf(double x, double y) {
        int k = nearestComponent(x, y);
        double dx = x - mx[k];
        double dy = y - my[k];
        return dx * dx + dy * dy <= offSupportRadius * offSupportRadius ? labels[k] : OFF_SUPPORT;
    }

    @Override
    public int nearestComponent(double x, double y) {
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int k = 0; k < mx.length; k++) {
            double dx = x - mx[k];
            double dy = y - my[k];
            double sq = dx * dx + dy * dy;
            if (sq < bestSq && weights[k] > 0) {
                bestSq = sq;
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("point (" + x + ", " + y + ") is not finite");
        }
        return best;
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
