package io.github.sibench.models;

import ai.djl.ndarray.NDManager;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.flowmatching.FlowMatchingConfig;
import io.github.sibench.models.flowmatching.FlowMatchingModel;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerSpec;
import io.github.sibench.models.train.TrainResult;
import io.github.sibench.models.train.TrainingConfig;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.models.vae.HierarchicalVae;
import io.github.sibench.models.vae.VaeConfig;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A determinism tool, not a test: trains flow matching and the VAE at the quick size for a few hundred
 * steps with fixed seeds and prints a hash of the loss curve (every loss's bits) and of 500 generated
 * samples (EMA weights), so that two versions of the training loop can be compared bit for bit.
 */
public final class TrainingHashes {

    public static void main(String[] args) {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int dim = 64;
        int n = 1000;
        float[] x = new float[n * dim];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        TrainingSet data = TrainingSet.unlabelled(x, n, dim);
        TrainingConfig config = new TrainingConfig(steps, 256, 1e-3, 1e-4, 20, 0.99, 0, 0);
        ModelContext context = new ModelContext(dim, 0, new BackboneConfig(128, 2, 16), 7, "cpu");
        try (GenerativeModel m = new FlowMatchingModel(FlowMatchingConfig.defaults(), context)) {
            print("flow matching", m, data, config, SamplerSpec.Euler.DEFAULTS);
        }
        try (GenerativeModel m = new HierarchicalVae(VaeConfig.defaults(), context)) {
            print("vae(vamp)", m, data, config, SamplerSpec.Ancestral.DEFAULTS);
        }
    }

    private static void print(String name, GenerativeModel m, TrainingSet data, TrainingConfig config,
            SamplerSpec sampler) {
        long[] bits = new long[config.steps()];
        double[] last = new double[1];
        TrainResult result = m.train(data, config, (s, total, loss, lr) -> {
            bits[s - 1] = Double.doubleToRawLongBits(loss);
            last[0] = loss;
        });
        try (NDManager out = NDManager.newBaseManager()) {
            Samples s = m.generate(sampler, 500, Guidance.NONE, 3, out);
            float[] v = s.x().toFloatArray();
            System.out.printf("%s: losses hash %016x, last loss %.9g, final %.9g, samples hash %08x, %.1f ms/step%n",
                    name, Arrays.hashCode(bits), last[0], result.finalLoss(), Arrays.hashCode(v),
                    result.seconds() * 1000 / config.steps());
        }
    }
}
