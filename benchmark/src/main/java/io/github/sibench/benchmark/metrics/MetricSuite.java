package io.github.sibench.benchmark.metrics;

import io.github.sibench.benchmark.ToyData;
import io.github.sibench.benchmark.config.EvaluationConfig;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.plane.Density2D;
import io.github.sibench.datasets.plane.Moments2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The metrics of SPEC section 5 measured in the toy's 2D space, with stable column names:
 *
 * <ul>
 *   <li>{@code fid_y}: squared Frechet distance between the generated points' mean/covariance and the
 *       reference's exact ones (Heusel et al. 2017, in the plane; no features involved);
 *   <li>{@code sliced_w2_y}: sliced Wasserstein-2 against as many fresh true samples (fixed seed per run);
 *   <li>{@code nll_y}: mean negative log-likelihood of the generated points under the exact density
 *       (precision: are samples where the data is?), empty when the density is not in closed form;
 *   <li>{@code off_manifold}: mean of {@code |x - (U U^T (x - b) + b)| / sqrt(d)} in ambient space;
 *   <li>{@code mass_tv} and {@code mass_err_c<k>}: per-cluster mass against the true class weights,
 *       for mixtures (see {@link ClusterMass}).
 * </ul>
 */
public final class MetricSuite {

    private final EvaluationConfig config;
    private final Gaussian2 reference;
    private final double[] referenceSamples;
    private final GaussianMixture2D mixture;
    private final Density2D density;

    public MetricSuite(ToyData data, EvaluationConfig config) {
        this.config = config;
        Moments2D m = data.moments();
        this.reference = new Gaussian2(m.mean().x(), m.mean().y(), m.covariance().xx(), m.covariance().xy(),
                m.covariance().yy());
        this.referenceSamples = data.toy().sample(config.nSamples(),
                new SplittableRandom(data.config().dataSeed() ^ 0x2545F4914F6CDD1DL)).xy();
        this.mixture = data.toy() instanceof GaussianMixture2D g ? g : null;
        this.density = data.toy().density().orElse(null);
    }

    /** Metric columns, in order. */
    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of("fid_y", "sliced_w2_y", "nll_y", "off_manifold", "mass_tv"));
        if (mixture != null) {
            for (int k = 0; k < mixture.numClasses(); k++) {
                c.add("mass_err_c" + k);
            }
        }
        return c;
    }

    /** Measures one generated set; absent metrics are left out of the map (empty CSV cells). */
    public Map<String, Double> measure(ToyData.Projected p) {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] y = p.y();
        out.put("fid_y", Gaussian2.fit(y).frechet(reference));
        if (y.length == referenceSamples.length) {
            out.put("sliced_w2_y", SlicedWasserstein.distance(y, referenceSamples, config.slicedDirections()));
        }
        if (density != null) {
            double[] logp = density.logDensity(y);
            double sum = 0;
            for (double v : logp) {
                sum -= v;
            }
            out.put("nll_y", sum / logp.length);
        }
        double r = 0;
        for (double v : p.residual()) {
            r += v / p.residual().length;
        }
        out.put("off_manifold", r);
        if (mixture != null) {
            double[] f = ClusterMass.fractions(mixture.classOf(y), mixture.numClasses());
            double[] w = mixture.classWeights();
            out.put("mass_tv", ClusterMass.totalVariation(f, w));
            for (int k = 0; k < w.length; k++) {
                out.put("mass_err_c" + k, f[k] - w[k]);
            }
        }
        return out;
    }
}
