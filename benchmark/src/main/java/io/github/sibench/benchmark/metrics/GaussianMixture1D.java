package io.github.sibench.benchmark.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 1D Gaussian mixture {@code F = sum_k w_k N(mu_k, s_k^2)} (e.g. the projection of a 2D mixture on a
 * direction), with what the exact W2 distance to an empirical distribution needs: its CDF and partial
 * moments in closed form, and its split into n cells of equal mass.
 *
 * <p>Partial moments, with {@code z = (x - mu) / s}: {@code P(X <= x) = Phi(z)},
 * {@code E[X; X <= x] = mu Phi(z) - s phi(z)},
 * {@code E[X^2; X <= x] = (mu^2 + s^2) Phi(z) - s (mu + x) phi(z)}, summed over the components with their
 * weights.
 *
 * <p>W2 to n points. For the sorted points {@code p_(1) <= ... <= p_(n)} the optimal coupling is monotone:
 * {@code W2^2 = int_0^1 (F^-1(u) - p_(ceil(nu)))^2 du = sum_i int over cell i of (x - p_(i))^2 dF(x)}, the
 * cells being {@code (q_(i-1), q_i]} between the quantiles {@code q_i = F^-1(i/n)}. Writing
 * {@code c_i = n E[X; cell i]} for the cell means, {@code W2^2 = V + (1/n) sum_i (c_i - p_(i))^2} with
 * {@code V = E[X^2] - (1/n) sum_i c_i^2} the within-cell variance, a constant of F and n. So
 * {@link #cells} computes c_1 .. c_n and V once; then each point set costs one sort.
 *
 * <p>Quantiles, for the increasing levels {@code u = i/n}: start from the previous quantile a with the
 * root of the second-order Taylor model {@code F(a) + f(a) dx + f'(a) dx^2 / 2 = u}; then safeguarded
 * steps of the same kind (bisection whenever a step leaves the bracket {@code [a, b]},
 * {@code F(a) < u <= F(b)}) until the level error {@code e = u - F(x)} and the next step {@code dx} satisfy
 * {@code |e dx| <= 1e-16}, usually after one evaluation. The level error is then put as a point mass at x
 * (the partial first moment gets {@code + e x}), so every cell has mass exactly 1/n; this amounts to the
 * first-order correction of the cost for the misplaced cell boundary, and what it leaves is of order
 * {@code |e dx|}, at most 1e-16 per cell.
 *
 * <p>Evaluation: the components are binned by their window {@code mu +- 7 s}; beyond it a component's
 * Phi is taken as 0 or 1 (error {@code Phi(-7) = 1.3e-12} times its weight), so evaluating F at x visits
 * only the components whose window covers x (about 80 of the seed toy's 741) and takes the rest from
 * per-bin prefix sums. Phi and phi come from {@link StandardNormal}'s table. Cost on the seed toy:
 * about 1.1 evaluations per quantile, 0.9 s on one core for 256 directions and n = 4,000.
 */
final class GaussianMixture1D {

    private static final int BINS = 2048;
    private static final double NODE = 1.0 / StandardNormal.PER_UNIT;
    private static final double WINDOW = 7;
    private static final double ACCEPT = 1e-16;
    private static final int MAX_ITER = 200;

    private final int k;
    private final double[] w;
    private final double[] mu;
    private final double[] s;
    private final double[] invS;
    private final double[] wMu;
    private final double[] wSecond; // w (mu^2 + s^2)
    private final double mean;
    private final double second;
    private final double lo;
    private final double hi;
    private final double invBin;
    private final int[] binStart;
    private final int[] binItems;
    private final double[] leftW;
    private final double[] leftM1;
    private final double[] leftM2;

    /**
     * @param weights non-negative weights (normalised here)
     * @param means component means
     * @param stds component standard deviations, > 0
     */
    GaussianMixture1D(double[] weights, double[] means, double[] stds) {
        k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("need as many weights, means and stds (>= 1), got " + weights.length
                    + ", " + means.length + ", " + stds.length);
        }
        double total = 0;
        for (double v : weights) {
            total += v;
        }
        w = new double[k];
        mu = means.clone();
        s = stds.clone();
        invS = new double[k];
        wMu = new double[k];
        wSecond = new double[k];
        double m1 = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (!(s[i] > 0) || !Double.isFinite(s[i]) || !Double.isFinite(mu[i]) || !(weights[i] >= 0)) {
                throw new IllegalArgumentException("component " + i + ": need weight >= 0, finite mean, std > 0");
            }
            w[i] = weights[i] / total;
            invS[i] = 1 / s[i];
            wMu[i] = w[i] * mu[i];
            wSecond[i] = w[i] * (mu[i] * mu[i] + s[i] * s[i]);
            m1 += wMu[i];
            m2 += wSecond[i];
            min = Math.min(min, mu[i] - WINDOW * s[i]);
            max = Math.max(max, mu[i] + WINDOW * s[i]);
        }
        mean = m1;
        second = m2;
        lo = min;
        hi = max;
        invBin = BINS / (hi - lo);
        // CSR lists of the components whose window meets each bin, and prefix sums of those entirely left of it
        List<int[]> ranges = new ArrayList<>(k);
        int[] count = new int[BINS];
        double[] dw = new double[BINS + 1];
        double[] d1 = new double[BINS + 1];
        double[] d2 = new double[BINS + 1];
        for (int i = 0; i < k; i++) {
            int first = bin(mu[i] - WINDOW * s[i]);
            int last = bin(mu[i] + WINDOW * s[i]);
            ranges.add(new int[] {first, last});
            for (int b = first; b <= last; b++) {
                count[b]++;
            }
            dw[last + 1] += w[i];
            d1[last + 1] += wMu[i];
            d2[last + 1] += wSecond[i];
        }
        binStart = new int[BINS + 1];
        for (int b = 0; b < BINS; b++) {
            binStart[b + 1] = binStart[b] + count[b];
        }
        binItems = new int[binStart[BINS]];
        int[] fill = Arrays.copyOf(binStart, BINS);
        for (int i = 0; i < k; i++) {
            int[] r = ranges.get(i);
            for (int b = r[0]; b <= r[1]; b++) {
                binItems[fill[b]++] = i;
            }
        }
        leftW = new double[BINS];
        leftM1 = new double[BINS];
        leftM2 = new double[BINS];
        double aw = 0;
        double a1 = 0;
        double a2 = 0;
        for (int b = 0; b < BINS; b++) {
            aw += dw[b];
            a1 += d1[b];
            a2 += d2[b];
            leftW[b] = aw;
            leftM1[b] = a1;
            leftM2[b] = a2;
        }
    }

    private int bin(double x) {
        return Math.min(BINS - 1, Math.max(0, (int) ((x - lo) * invBin)));
    }

    /** The mean {@code E[X]}. */
    double mean() {
        return mean;
    }

    /** The second moment {@code E[X^2]}. */
    double secondMoment() {
        return second;
    }

    /**
     * {@code F(x)}, {@code f(x)}, {@code E[X; X <= x]}, {@code E[X^2; X <= x]} and {@code f'(x)} into
     * {@code out[0..4]}.
     */
    void evaluate(double x, double[] out) {
        out[4] = 0;
        if (x < lo) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            out[3] = 0;
            return;
        }
        if (x >= hi) {
            out[0] = 1;
            out[1] = 0;
            out[2] = mean;
            out[3] = second;
            return;
        }
        int b = bin(x);
        double cdf = leftW[b];
        double pdf = 0;
        double slope = 0;
        double m1 = leftM1[b];
        double m2 = leftM2[b];
        for (int idx = binStart[b], end = binStart[b + 1]; idx < end; idx++) {
            int i = binItems[idx];
            double z = (x - mu[i]) * invS[i];
            if (z <= -WINDOW) {
                continue;
            }
            if (z >= WINDOW) {
                cdf += w[i];
                m1 += wMu[i];
                m2 += wSecond[i];
                continue;
            }
            // Phi and phi from the table node nearest to z (see StandardNormal)
            int j = (int) Math.round(z * StandardNormal.PER_UNIT) + StandardNormal.HALF;
            double t = z - (j - StandardNormal.HALF) * NODE;
            int o = StandardNormal.STRIDE * j;
            double phi0 = StandardNormal.TABLE[o + 1];
            double phiCdf = StandardNormal.TABLE[o] + phi0 * t * StandardNormal.cdfSeries(o, t);
            double phi = phi0 * StandardNormal.pdfSeries(o, t);
            double dens = w[i] * phi * invS[i];
            cdf += w[i] * phiCdf;
            pdf += dens;
            slope -= dens * z * invS[i];
            m1 += wMu[i] * phiCdf - w[i] * s[i] * phi;
            m2 += wSecond[i] * phiCdf - w[i] * s[i] * (mu[i] + x) * phi;
        }
        out[0] = cdf;
        out[1] = pdf;
        out[2] = m1;
        out[3] = m2;
        out[4] = slope;
    }

    /**
     * The n cells of mass 1/n between consecutive quantiles {@code F^-1(i/n)}: their means {@code c_i} and
     * the within-cell variance V (see the class comment).
     */
    Cells cells(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one cell, got " + n);
        }
        double[] cellMeans = new double[n];
        double[] at = new double[5];
        double prevM1 = 0;
        // bracket: a with F(a) below the level (with f and f' there), b with F(b) at or above it
        double a = lo;
        double fa = 0;
        double pa = 0;
        double sa = 0;
        double b = hi;
        double fb = 1;
        for (int i = 1; i < n; i++) {
            double level = (double) i / n;
            if (fb < level) {
                b = hi;
                fb = 1;
            }
            double x = a + taylorStep(level - fa, pa, sa);
            if (!(x > a && x < b)) {
                x = 0.5 * (a + b);
            }
            for (int iter = 0; ; iter++) {
                evaluate(x, at);
                double err = level - at[0];
                if (err > 0) {
                    a = x;
                    fa = at[0];
                    pa = at[1];
                    sa = at[4];
                } else {
                    b = x;
                    fb = at[0];
                }
                double step = taylorStep(err, at[1], at[4]);
                if (Math.abs(err * step) <= ACCEPT || b - a <= 1e-14 * (1 + Math.abs(x)) || iter == MAX_ITER) {
                    // the level error as a point mass at x: the cell masses become exactly 1/n
                    double m1 = at[2] + err * x;
                    cellMeans[i - 1] = n * (m1 - prevM1);
                    prevM1 = m1;
                    break;
                }
                double next = x + step;
                x = next > a && next < b ? next : 0.5 * (a + b);
            }
            // the next level starts from this quantile
            a = x;
            fa = at[0];
            pa = at[1];
            sa = at[4];
        }
        cellMeans[n - 1] = n * (mean - prevM1);
        double sumSq = 0;
        for (double c : cellMeans) {
            sumSq += c * c;
        }
        return new Cells(cellMeans, Math.max(0, second - sumSq / n));
    }

    /**
     * The root dx of the second-order Taylor model {@code f dx + f' dx^2 / 2 = e} of {@code F(x + dx) - F(x)}
     * nearest to 0, {@code 2 e / (f + sqrt(f^2 + 2 f' e))} (the Newton step {@code e / f} when the model
     * has no real root); infinite when {@code f = 0}.
     */
    private static double taylorStep(double e, double f, double slope) {
        if (!(f > 0)) {
            return e == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(e);
        }
        double disc = f * f + 2 * slope * e;
        return disc > 0 ? 2 * e / (f + Math.sqrt(disc)) : e / f;
    }

    /**
     * Equal-mass cells of a 1D distribution.
     *
     * @param means the cell means c_1 .. c_n, non-decreasing
     * @param withinVariance {@code V = E[X^2] - (1/n) sum_i c_i^2 >= 0}
     */
    record Cells(double[] means, double withinVariance) {

        /** {@code W2^2} between the distribution and the n points, sorted ascending. */
        double w2Squared(double[] sorted) {
            int n = means.length;
            if (sorted.length != n) {
                throw new IllegalArgumentException("cells for " + n + " points, got " + sorted.length);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = means[i] - sorted[i];
                sum += d * d;
            }
            return withinVariance + sum / n;
        }
    }
}
