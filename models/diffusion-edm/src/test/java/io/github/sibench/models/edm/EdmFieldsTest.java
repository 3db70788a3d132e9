package io.github.sibench.models.edm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.field.GaussianOracle;
import io.github.sibench.core.interpolant.VeInterpolant;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.guidance.ClassifierFree.LabelledNetwork;
import io.github.sibench.models.guidance.Labels;
import io.github.sibench.models.sampling.ModelFields;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model's composition of network and preconditioning, checked with stand-in networks: an "oracle"
 * F that makes D the exact denoiser of Gaussian data (through the model's own c_in / c_noise inputs,
 * inverted here with the literal EDM formulas), and recording networks for the loss.
 */
class EdmFieldsTest {

    private static final double SD = 0.7;
    private static final double SIGMA_MAX = 80;
    private static final double SIGMA_MIN = 0.002;
    private static final double[] MEAN = {0.3, -0.2};
    private static final double[] EIGEN = {0.6, 0.05};
    private static final int STEPS = 128;

    private static EdmModel model(EdmConfig config) {
        return new EdmModel(config, new ModelContext(2, 0, ToyTraining.TINY, 1, "cpu"));
    }

    private static GaussianOracle oracle() {
        double a = 0.6;
        double[][] rotation = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
        return new GaussianOracle(new VeInterpolant(SIGMA_MAX), MEAN, rotation, EIGEN);
    }

    /**
     * The F that makes {@code c_skip x + c_out F} the exact denoiser: reads sigma back from the time input
     * ({@code c_noise = ln(sigma) / 4}) and x from the scaled input ({@code c_in x}), with the EDM formulas
     * written out here, not taken from {@link EdmPreconditioning}.
     */
    private static BoundNetwork oracleNetwork(GaussianOracle oracle) {
        return (xIn, t) -> {
            float[] cNoise = t.toFloatArray();
            for (float c : cNoise) {
                assertEquals(cNoise[0], c, "one noise level per denoiser call");
            }
            double sigma = Math.exp(4 * cNoise[0]);
            double var = sigma * sigma + SD * SD;
            NDArray x = xIn.mul(Math.sqrt(var));
            NDArray d = oracle.denoise(x, sigma);
            return d.sub(x.mul(SD * SD / var)).div(sigma * SD / Math.sqrt(var));
        };
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }

    @Test
    void withTheOracleNetworkTheDenoiserAndVelocityAreExact() {
        GaussianOracle oracle = oracle();
        try (EdmModel m = model(new EdmConfig(SD, -1.2, 1.2, SIGMA_MIN, SIGMA_MAX));
                NDManager nd = NDManager.newBaseManager()) {
            ModelFields f = m.fields(oracleNetwork(oracle));
            assertEquals(SIGMA_MAX, f.noiseScale());
            assertEquals(SIGMA_MIN / SIGMA_MAX, f.tEnd(), 1e-15);
            assertNull(f.velocityScore(), "no velocity-and-score field: em is not offered");
            for (double sigma : new double[] {0.002, 0.5, 3, 80}) {
                NDArray x = oracle.sampleMarginal(sigma / SIGMA_MAX,
                        nd.randomNormal(0, 1, new Shape(256, 2), DataType.FLOAT64));
                NDArray expected = oracle.denoise(x, sigma);
                NDArray actual = f.denoiser().denoise(x, sigma);
                double err = maxAbs(expected.sub(actual));
                assertTrue(err < 1e-5 * (1 + maxAbs(expected)), "D at sigma = " + sigma + ": error " + err);
            }
            for (double t : new double[] {1, 0.5, 0.05, 0.01, SIGMA_MIN / SIGMA_MAX}) {
                NDArray x = oracle.sampleMarginal(t, nd.randomNormal(0, 1, new Shape(256, 2), DataType.FLOAT64));
                NDArray expected = oracle.velocity(t, x);
                NDArray actual = f.velocity().at(t, x);
                double err = maxAbs(expected.sub(actual));
                assertTrue(err < 1e-4 * (1 + maxAbs(expected)), "velocity at t = " + t + ": error " + err
                        + " for |v| up to " + maxAbs(expected));
            }
            NDArray x = nd.randomNormal(new Shape(4, 2));
            assertEquals(0, maxAbs(f.denoiser().denoise(x, 0).sub(x)), "D(x; 0) = x");
            assertThrows(IllegalArgumentException.class, () -> f.denoiser().denoise(x, -1));
            assertThrows(IllegalArgumentException.class, () -> f.velocity().at(0, x));
        }
    }

    /**
     * End to end with the oracle network: every sampler the model offers lands on N(m, S). 128 EDM steps, as
     * in the core's EdmSamplerTest: at 32 steps EDM-Heun's own discretisation bias on the covariance is
     * about 0.03 (and churn enlarges it), which would blur what this test checks.
     */
    @Test
    void samplersWithTheOracleNetworkReproduceTheGaussian() {
        GaussianOracle oracle = oracle();
        double[][] s = oracle.covariance();
        try (EdmModel m = model(new EdmConfig(SD, -1.2, 1.2, SIGMA_MIN, SIGMA_MAX));
                NDManager nd = NDManager.newBaseManager()) {
            ModelFields f = m.fields(oracleNetwork(oracle));
            nd.getEngine().setRandomSeed(3);
            NDArray noise = nd.randomNormal(new Shape(20_000, 2));
            for (SamplerSpec spec : List.of(SamplerSpec.of("edm-heun", STEPS), SamplerSpec.of("edm-sde", STEPS),
                    SamplerSpec.Dopri5.withTolerance(1e-5))) {
                Samples out = SamplerKind.generate(spec, f, noise, new Noise(SeedTree.root(3)));
                if (spec.fixedSteps()) {
                    assertEquals(2 * STEPS - 1, out.nfe(), spec.label());
                }
                double[] mom = moments(out.x().toFloatArray());
                String msg = spec.label() + ": mean (" + mom[0] + ", " + mom[1] + "), cov [" + mom[2] + ", " + mom[3]
                        + "; " + mom[4] + "], nfe " + out.nfe();
                System.out.println("edm oracle " + msg);
                assertEquals(MEAN[0], mom[0], 0.03, msg);
                assertEquals(MEAN[1], mom[1], 0.03, msg);
                assertEquals(s[0][0], mom[2], 0.03, msg);
                assertEquals(s[1][1], mom[3], 0.03, msg);
                assertEquals(s[0][1], mom[4], 0.03, msg);
            }
        }
    }

    /** Sample mean (2), variances (2) and covariance of (n, 2) points. */
    private static double[] moments(float[] xy) {
        double[] d = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            d[i] = xy[i];
        }
        Gaussian2 g = Gaussian2.fit(d);
        return new double[] {g.mx(), g.my(), g.sxx(), g.syy(), g.sxy()};
    }

    /**
     * The implemented loss (unit weight on F's effective target) equals EDM's
     * {@code lambda(sigma) |D(x0 + sigma n; sigma) - x0|^2}, recomputed here from what the network saw; the
     * noise levels are log-normal with the config's P_mean and P_std and the noise is standard normal.
     */
    @Test
    void lossIsTheLambdaWeightedDenoisingLossOnLogNormalSigmas() {
        double sd = 0.5;
        double pMean = -0.5;
        double pStd = 0.8;
        int n = 20_000;
        List<float[]> seen = new ArrayList<>();
        LabelledNetwork net = (xIn, t, label) -> {
            assertNull(label);
            seen.add(xIn.toFloatArray());
            seen.add(t.toFloatArray());
            return xIn.mul(0.5).add(0.1); // any F: the identity holds for every network output
        };
        try (EdmModel m = model(new EdmConfig(sd, pMean, pStd, SIGMA_MIN, SIGMA_MAX));
                NDManager nd = NDManager.newBaseManager()) {
            NDArray x0 = nd.randomNormal(new Shape(n, 2));
            float[] data = x0.toFloatArray();
            double loss = m.loss(new NetworkModel.Batch(nd, x0, null, new SplittableRandom(5), new Noise(SeedTree.root(5)), net)).getFloat();
            float[] xIn = seen.get(0);
            float[] cNoise = seen.get(1);
            assertEquals(n, cNoise.length, "time input is one c_noise per row");
            double weighted = 0;
            double lnSum = 0;
            double lnSum2 = 0;
            double nSum = 0;
            double nSum2 = 0;
            for (int i = 0; i < n; i++) {
                double sigma = Math.exp(4 * cNoise[i]);
                double var = sigma * sigma + sd * sd;
                double cSkip = sd * sd / var;
                double cOut = sigma * sd / Math.sqrt(var);
                double lambda = var / (sigma * sd * sigma * sd);
                lnSum += Math.log(sigma);
                lnSum2 += Math.log(sigma) * Math.log(sigma);
                for (int j = 0; j < 2; j++) {
                    double x = xIn[2 * i + j] * Math.sqrt(var);
                    double f = 0.5 * xIn[2 * i + j] + 0.1;
                    double d = cSkip * x + cOut * f;
                    double e = d - data[2 * i + j];
                    weighted += lambda * e * e;
                    double noise = (x - data[2 * i + j]) / sigma;
                    nSum += noise;
                    nSum2 += noise * noise;
                }
            }
            weighted /= 2.0 * n;
            assertEquals(weighted, loss, 1e-3 * weighted, "unit-weight F loss vs lambda-weighted D loss");
            double lnMean = lnSum / n;
            assertEquals(pMean, lnMean, 0.03, "mean of ln sigma");
            assertEquals(pStd, Math.sqrt(lnSum2 / n - lnMean * lnMean), 0.03, "std of ln sigma");
            assertEquals(0, nSum / (2.0 * n), 0.03, "mean of (x - x0) / sigma");
            assertEquals(1, nSum2 / (2.0 * n), 0.05, "variance of (x - x0) / sigma");
        }
    }

    /** With F = 0 (the untrained network) the loss is 1 when the data has mean 0 and std sigma_data. */
    @Test
    void untrainedLossIsOneOnDataOfStdSigmaData() {
        LabelledNetwork zero = (xIn, t, label) -> xIn.zerosLike();
        for (double sd : new double[] {0.5, 2.0}) {
            try (EdmModel m = model(new EdmConfig(sd, -1.2, 1.2, SIGMA_MIN, SIGMA_MAX));
                    NDManager nd = NDManager.newBaseManager()) {
                NDArray x0 = nd.randomNormal(0, (float) sd, new Shape(20_000, 2), DataType.FLOAT32);
                double loss = m.loss(new NetworkModel.Batch(nd, x0, null, new SplittableRandom(2), new Noise(SeedTree.root(2)), zero)).getFloat();
                assertEquals(1, loss, 0.04, "loss of F = 0 with sigma_data = " + sd);
            }
        }
    }

    /** D is affine in F with label-free coefficients, so guiding F guides D: D_w = D_u + w (D_c - D_u). */
    @Test
    void guidanceOnTheNetworkIsGuidanceOnTheDenoiser() {
        LabelledNetwork net = (xIn, t, label) ->
                xIn.mul(label.get(":, 0:1").add(0.5)).add(label.get(":, 1:2").mul(0.3)).add(t);
        try (EdmModel m = model(EdmConfig.defaults()); NDManager nd = NDManager.newBaseManager()) {
            int n = 64;
            NDArray cond = Labels.oneHot(nd, new int[n], 2);
            NDArray uncond = Labels.nullLabels(nd, n, 2);
            NDArray x = nd.randomNormal(new Shape(n, 2)).mul(2);
            for (double sigma : new double[] {0.01, 1, 40}) {
                NDArray du = m.fields(ClassifierFree.bind(net, cond, uncond, 0)).denoiser().denoise(x, sigma);
                NDArray dc = m.fields(ClassifierFree.bind(net, cond, uncond, 1)).denoiser().denoise(x, sigma);
                NDArray dw = m.fields(ClassifierFree.bind(net, cond, uncond, 2)).denoiser().denoise(x, sigma);
                assertTrue(maxAbs(dc.sub(du)) > 1e-3, "the labels must matter for this check");
                double err = maxAbs(dw.sub(du.add(dc.sub(du).mul(2))));
                assertTrue(err < 1e-5, "guided D at sigma = " + sigma + ": error " + err);
            }
        }
    }
}
