package io.github.sibench.models.vae;

import static io.github.sibench.models.vae.VaeTesting.assertClose;
import static io.github.sibench.models.vae.VaeTesting.logNormal;
import static io.github.sibench.models.vae.VaeTesting.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ToyTraining;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.guidance.ClassifierFree;
import io.github.sibench.models.guidance.Labels;
import io.github.sibench.models.vae.VaeConfig.DecoderVariance;
import io.github.sibench.models.vae.VaeConfig.Prior;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VaeNetworksTest {

    private static VaeNetworks networks(NDManager m, VaeConfig config, int classes) {
        VaeNetworks nets = new VaeNetworks(config, new ModelContext(2, classes, ToyTraining.TINY, 1, "cpu"));
        nets.initialize(m, DataType.FLOAT32, new Shape(1, 2));
        return nets;
    }

    @Test
    void widthScaleBuildsTheNetworksOfANarrowerBackbone() {
        VaeConfig half = new VaeConfig(Prior.MOG, 4, 2, 16, -10, 10, 1, 0, DecoderVariance.LEARNED, -2, 0.5);
        BackboneConfig narrow = new BackboneConfig(ToyTraining.TINY.hidden() / 2, ToyTraining.TINY.blocks(),
                ToyTraining.TINY.timeFeatures());
        try (NDManager m = NDManager.newBaseManager()) {
            VaeNetworks scaled = networks(m, half, 0);
            VaeNetworks direct = new VaeNetworks(VaeConfig.of(Prior.MOG), new ModelContext(2, 0, narrow, 1, "cpu"));
            direct.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            VaeNetworks full = networks(m, VaeConfig.of(Prior.MOG), 0);
            List<Shape> shapes = scaled.getParameters().values().stream().map(Parameter::getArray).map(NDArray::getShape)
                    .toList();
            assertEquals(direct.getParameters().values().stream().map(Parameter::getArray).map(NDArray::getShape)
                    .toList(), shapes);
            long fullSize = full.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            long scaledSize = shapes.stream().mapToLong(Shape::size).sum();
            assertTrue(scaledSize < 0.4 * fullSize, "half the width is about a quarter of the weights: " + scaledSize
                    + " of " + fullSize);
        }
    }

    @Test
    void eachPriorIsBuiltByItsEnumAndItsParametersAreTrainedWithTheNetworks() {
        Map<Prior, Class<?>> classes = Map.of(Prior.NORMAL, NormalPrior.class, Prior.MOG, MixturePrior.class,
                Prior.VAMP, VampPrior.class);
        for (Prior prior : Prior.values()) {
            for (DecoderVariance v : DecoderVariance.values()) {
                VaeConfig config = new VaeConfig(prior, 4, 2, 16, -10, 10, 1, 0, v, -2, 1);
                try (NDManager m = NDManager.newBaseManager()) {
                    VaeNetworks nets = networks(m, config, 0);
                    assertInstanceOf(classes.get(prior), nets.prior());
                    List<Parameter> all = nets.getParameters().values();
                    for (Parameter p : nets.prior().parameters()) {
                        assertTrue(all.contains(p), prior + ": " + p.getName() + " is not in the block");
                        assertTrue(p.isInitialized());
                    }
                    long decoderLogVars = all.stream().filter(p -> p.getName().equals("decoder_logvar")).count();
                    assertEquals(v == DecoderVariance.LEARNED ? 1 : 0, decoderLogVars, prior + ", " + v);
                }
            }
        }
        assertEquals(3, Prior.MOG.create(VaeConfig.of(Prior.MOG), 2, null).parameters().size());
    }

    @Test
    void theVampPriorIsTheMixtureOfTheTopEncoderAtItsPseudoInputs() {
        float[] z = {0, 0, 1, -1, -2, 0.5f, 3, 3};
        try (NDManager m = NDManager.newBaseManager()) {
            VaeNetworks nets = networks(m, VaeConfig.of(Prior.VAMP), 0);
            Pass pass = VaeTesting.inference(m);
            NDArray u = nets.prior().parameters().get(0).getArray();
            int k = Math.toIntExact(u.getShape().get(0));
            DiagonalGaussian q = nets.topPosterior(u, pass);
            float[] means = q.mean().toFloatArray();
            float[] logVars = q.logVar().toFloatArray();
            assertFalse(Arrays.equals(row(means, 0, 2), row(means, 1, 2)), "the components must differ");
            float[] got = nets.prior().logDensity(m.create(z, new Shape(4, 2)), pass).toFloatArray();
            for (int i = 0; i < 4; i++) {
                double mean = 0;
                for (int c = 0; c < k; c++) {
                    mean += Math.exp(logNormal(row(z, i, 2), row(means, c, 2), row(logVars, c, 2))) / k;
                }
                assertClose(Math.log(mean), got[i], "VampPrior log-density at point " + i);
            }
        }
    }

    /** The decoder's output layer starts at zero, so every variance mode starts at N(0, exp(decoderLogVar)). */
    @Test
    void everyDecoderVarianceStartsAtDecoderLogVar() {
        for (DecoderVariance v : DecoderVariance.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                VaeNetworks nets = networks(m, new VaeConfig(Prior.NORMAL, 4, 2, 16, -10, 10, 1, 0, v, -3, 1), 2);
                NDArray label = m.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(2, 3));
                DiagonalGaussian p = nets.decoder(m.ones(new Shape(2, 4)), m.ones(new Shape(2, 2)), label,
                        VaeTesting.inference(m));
                assertArrayEquals(new float[4], p.mean().toFloatArray(), v.configName());
                float[] logVar = p.logVar().toFloatArray();
                assertEquals(v == DecoderVariance.NETWORK ? 4 : 2, logVar.length, v.configName());
                for (float s : logVar) {
                    assertEquals(-3, s, v.configName());
                }
            }
        }
    }

    /** Every parameter set to N(0, scale^2) draws from {@code seed}: untrained output layers are zero. */
    private static void randomise(VaeNetworks nets, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Parameter p : nets.getParameters().values()) {
            float[] v = new float[Math.toIntExact(p.getArray().size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (scale * rng.nextGaussian());
            }
            p.getArray().set(v);
        }
    }

    /**
     * The guided ancestral pass, recomposed by hand from the conditionals: z2 from the prior, p(z1 | z2)
     * guided on its mean and log-variance, the decoder mean guided, with the same draws for every weight.
     */
    @Test
    void ancestralGuidesBothLabelledNetworks() {
        int n = 6;
        int[] labels = {0, 1, 1, 0, 1, 0};
        try (NDManager m = NDManager.newBaseManager()) {
            VaeNetworks nets = networks(m, VaeConfig.of(Prior.MOG), 2);
            randomise(nets, 0.3, 12);
            Pass pass = VaeTesting.inference(m);
            NDArray cond = Labels.oneHot(m, labels, 2);
            NDArray uncond = Labels.nullLabels(m, n, 2);
            for (double w : new double[] {0, 1, 2.5}) {
                float[] got = nets.ancestral(m, n, new ClassifierFree.Inputs(cond, uncond, w), new SplittableRandom(5),
                        VaeTesting.normal(6), pass).toFloatArray();
                StandardNormal noise = VaeTesting.normal(6);
                NDArray z2 = nets.prior().sample(m, n, new SplittableRandom(5), noise, pass);
                DiagonalGaussian pc = nets.latentPrior(z2, cond, pass);
                DiagonalGaussian pu = nets.latentPrior(z2, uncond, pass);
                float[] eps = noise.draw(m, n, 4).toFloatArray();
                float[] mc = pc.mean().toFloatArray();
                float[] mu = pu.mean().toFloatArray();
                float[] sc = pc.logVar().toFloatArray();
                float[] su = pu.logVar().toFloatArray();
                float[] z1 = new float[n * 4];
                for (int i = 0; i < z1.length; i++) {
                    double s = su[i] + w * (sc[i] - su[i]);
                    assertTrue(Math.abs(s) < 10, "the test needs log-variances inside the clamp: " + s);
                    z1[i] = (float) (mu[i] + w * (mc[i] - mu[i]) + Math.exp(s / 2) * eps[i]);
                }
                NDArray z1a = m.create(z1, new Shape(n, 4));
                float[] xc = nets.decoder(z1a, z2, cond, pass).mean().toFloatArray();
                float[] xu = nets.decoder(z1a, z2, uncond, pass).mean().toFloatArray();
                assertFalse(Arrays.equals(xc, xu), "the label must change the decoder, or the test proves nothing");
                assertFalse(Arrays.equals(mc, mu), "the label must change p(z1 | z2), or the test proves nothing");
                for (int i = 0; i < got.length; i++) {
                    double expected = xu[i] + w * (xc[i] - xu[i]);
                    assertTrue(Math.abs(expected - got[i]) < 1e-4 * Math.max(1, Math.abs(expected)),
                            "w = " + w + ", entry " + i + ": expected " + expected + ", got " + got[i]);
                }
            }
        }
    }
}
