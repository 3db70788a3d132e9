package io.github.sibench.models.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.Device;
import io.github.sibench.core.util.Scoped;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UNetTest {

    /** Tiny instance: 3x8x8 images, widths 16 and 32 at 8x8 and 4x4, 4 groups. */
    private static final UNetConfig TINY = new UNetConfig(16, List.of(1, 2), 1, 4, 4);

    private static NDArray gaussian(NDManager m, SplittableRandom rng, Shape shape) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, shape);
    }

    private static NDArray oneHot(NDManager m, int[] labels, int numClasses) {
        float[] v = new float[labels.length * (numClasses + 1)];
        for (int i = 0; i < labels.length; i++) {
            v[i * (numClasses + 1) + labels[i]] = 1;
        }
        return m.create(v, new Shape(labels.length, numClasses + 1));
    }

    private static NDArray times(NDManager m, float... t) {
        return m.create(t, new Shape(t.length, 1));
    }

    @Test
    void outputShapesForFlatAndImageInputWithAndWithoutLabels() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(1);
            for (int classes : new int[] {0, 3}) {
                UNet net = new UNet(3, 8, 8, 6, classes, TINY);
                net.initialize(m, DataType.FLOAT32, net.inputShapes(2));
                ParameterStore ps = new ParameterStore(m, false);
                NDList flat = new NDList(gaussian(m, rng, new Shape(2, 192)), times(m, 0.2f, 0.7f));
                NDList image = new NDList(gaussian(m, rng, new Shape(2, 3, 8, 8)), times(m, 0.2f, 0.7f));
                if (classes > 0) {
                    flat.add(oneHot(m, new int[] {0, 3}, classes));
                    image.add(oneHot(m, new int[] {1, 2}, classes));
                }
                NDArray outFlat = net.forward(ps, flat, false).singletonOrThrow();
                NDArray outImage = net.forward(ps, image, false).singletonOrThrow();
                assertEquals(new Shape(2, net.outDim()), outFlat.getShape());
                assertEquals(new Shape(2, 6, 8, 8), outImage.getShape());
                assertEquals(384, net.outDim());
                assertEquals(192, net.inDim());
                assertEquals(outFlat.getShape(), net.getOutputShapes(net.inputShapes(2))[0]);
                // zero-initialised output conv: an untrained network predicts 0
                assertEquals(0f, outFlat.abs().max().getFloat());
            }
        }
    }

    @Test
    void flatAndImageInputGiveTheSameOutput() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(2);
            UNet net = new UNet(3, 8, 8, 3, 0, TINY);
            net.setOutputInitializer(new XavierInitializer());
            net.initialize(m, DataType.FLOAT32, net.inputShapes(2));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray image = gaussian(m, rng, new Shape(2, 3, 8, 8));
            NDArray t = times(m, 0.1f, 0.9f);
            float[] a = net.forward(ps, new NDList(image.reshape(2, 192), t), false).singletonOrThrow()
                    .toFloatArray();
            float[] b = net.forward(ps, new NDList(image, t), false).singletonOrThrow().toFloatArray();
            assertArrayEquals(a, b, 1e-6f);
        }
    }

    @Test
    void labelAndTimeChangeTheOutput() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(3);
            UNet net = new UNet(3, 8, 8, 3, 2, TINY);
            net.setOutputInitializer(new XavierInitializer());
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = gaussian(m, rng, new Shape(1, 192));
            NDArray base = net.forward(ps, new NDList(x, times(m, 0.3f), oneHot(m, new int[] {0}, 2)), false)
                    .singletonOrThrow();
            NDArray otherLabel = net.forward(ps, new NDList(x, times(m, 0.3f), oneHot(m, new int[] {2}, 2)),
                    false).singletonOrThrow();
            NDArray otherTime = net.forward(ps, new NDList(x, times(m, 0.8f), oneHot(m, new int[] {0}, 2)),
                    false).singletonOrThrow();
            NDArray same = net.forward(ps, new NDList(x, times(m, 0.3f), oneHot(m, new int[] {0}, 2)), false)
                    .singletonOrThrow();
            float scale = base.abs().mean().getFloat();
            assertTrue(scale > 0);
            assertEquals(0f, same.sub(base).abs().max().getFloat(), 1e-6f * scale);
            float dl = otherLabel.sub(base).abs().mean().getFloat();
            float dt = otherTime.sub(base).abs().mean().getFloat();
            assertTrue(dl > 1e-3 * scale, "label changed the output by " + dl + " vs scale " + scale);
            assertTrue(dt > 1e-3 * scale, "time changed the output by " + dt + " vs scale " + scale);
            assertThrows(IllegalArgumentException.class,
                    () -> net.forward(ps, new NDList(x, times(m, 0.3f)), false));
        }
    }

    /**
     * Autograd in float32 (the path training uses, through oneDNN) against central finite differences
     * in float64 on the same weights, for the input and several parameters of a tiny network with a
     * random (non-zero) output conv, for L = sum(w * out) with fixed random w.
     *
     * <p>Tolerance: float32 rounding (2^-24 relative per op) accumulated over a few hundred-term sums
     * and ~30 layers stays below 1e-4 of the gradient scale; the float64 difference quotient with step
     * 1e-4 has truncation error O(h^2) ~ 1e-8. The check allows 2e-3 of the tensor's largest
     * gradient: 20x margin, while a wrong backward (e.g. GroupNorm with its variance detached, or a
     * miscomputed conv input gradient) gives O(1) errors.
     */
    @Test
    void gradientsMatchFloat64FiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(4);
            UNet net = new UNet(3, 8, 8, 3, 2, TINY);
            net.setOutputInitializer(new XavierInitializer());
            net.initialize(m, DataType.FLOAT32, net.inputShapes(2));
            NDArray x = gaussian(m, rng, new Shape(2, 192));
            NDArray t = times(m, 0.25f, 0.6f);
            NDArray label = oneHot(m, new int[] {1, 2}, 2);
            NDArray w = gaussian(m, rng, new Shape(2, 192));
            List<String> checked = List.of("04input_weight", "03label_in_weight", "01time_in_weight",
                    "05down_0_0_02conv1_weight", "08middle_05conv2_weight", "11up_0_0_06skip_weight",
                    "12out_norm_gamma", "13output_weight", "13output_bias");
            List<Parameter> params = new ArrayList<>();
            for (String name : checked) {
                params.add(net.getParameters().get(name));
                assertTrue(params.get(params.size() - 1) != null, name + " not in " + net.getParameters().keys());
            }
            float[] gx;
            List<float[]> gp = new ArrayList<>();
            try (NDManager sm = m.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray xs = x.duplicate();
                xs.attach(sm);
                xs.setRequiresGradient(true);
                NDArray out = net.forward(new ParameterStore(sm, false), new NDList(xs, t, label), true)
                        .singletonOrThrow();
                collector.backward(out.mul(w).sum());
                gx = xs.getGradient().toFloatArray();
                for (Parameter p : params) {
                    gp.add(p.getArray().getGradient().toFloatArray());
                }
            }
            // the same weights in float64 (DJL's Block.cast is not implemented by the PyTorch engine)
            UNet net64 = new UNet(3, 8, 8, 3, 2, TINY);
            net64.initialize(m, DataType.FLOAT64, net64.inputShapes(2));
            for (Pair<String, Parameter> p : net.getParameters()) {
                net64.getParameters().get(p.getKey()).getArray().set(
                        p.getValue().getArray().toType(DataType.FLOAT64, false).toDoubleArray());
            }
            params.clear();
            for (String name : checked) {
                params.add(net64.getParameters().get(name));
            }
            NDArray x64 = x.toType(DataType.FLOAT64, false);
            NDArray t64 = t.toType(DataType.FLOAT64, false);
            NDArray l64 = label.toType(DataType.FLOAT64, false);
            NDArray w64 = w.toType(DataType.FLOAT64, false);
            double h = 1e-4;
            // the input: perturb coordinates of x
            double[] xv = x64.toDoubleArray();
            double[] fdx = new double[8];
            int[] xi = new int[8];
            for (int k = 0; k < xi.length; k++) {
                xi[k] = rng.nextInt(xv.length);
                double[] plus = xv.clone();
                double[] minus = xv.clone();
                plus[xi[k]] += h;
                minus[xi[k]] -= h;
                fdx[k] = (loss(net64, m, m.create(plus, x64.getShape()), t64, l64, w64)
                        - loss(net64, m, m.create(minus, x64.getShape()), t64, l64, w64)) / (2 * h);
            }
            compare("x", gx, xi, fdx);
            for (int p = 0; p < params.size(); p++) {
                NDArray arr = params.get(p).getArray();
                assertEquals(DataType.FLOAT64, arr.getDataType());
                double[] orig = arr.toDoubleArray();
                int[] idx = new int[Math.min(6, orig.length)];
                double[] fd = new double[idx.length];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = rng.nextInt(orig.length);
                    double[] v = orig.clone();
                    v[idx[k]] = orig[idx[k]] + h;
                    arr.set(v);
                    double up = loss(net64, m, x64, t64, l64, w64);
                    v[idx[k]] = orig[idx[k]] - h;
                    arr.set(v);
                    double down = loss(net64, m, x64, t64, l64, w64);
                    arr.set(orig);
                    fd[k] = (up - down) / (2 * h);
                }
                compare(checked.get(p), gp.get(p), idx, fd);
            }
        }
    }

    private static double loss(UNet net, NDManager m, NDArray x, NDArray t, NDArray label, NDArray w) {
        try (NDManager sm = m.newSubManager()) {
            NDArray out = net.forward(new ParameterStore(sm, false), new NDList(x, t, label), false)
                    .singletonOrThrow();
            double v = out.mul(w).sum().getDouble();
            out.close();
            return v;
        }
    }

    private static void compare(String what, float[] autograd, int[] idx, double[] fd) {
        double scale = 0;
        for (float g : autograd) {
            assertTrue(Float.isFinite(g), what + ": non-finite gradient");
            scale = Math.max(scale, Math.abs(g));
        }
        for (double f : fd) {
            scale = Math.max(scale, Math.abs(f));
        }
        assertTrue(scale > 0, what + ": gradient is identically zero");
        for (int k = 0; k < idx.length; k++) {
            assertEquals(fd[k], autograd[idx[k]], 2e-3 * scale,
                    what + "[" + idx[k] + "]: autograd " + autograd[idx[k]] + " vs finite difference " + fd[k]);
        }
    }

    @Test
    void nativeMemoryStaysFlatOverTrainingSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(5);
            UNet net = new UNet(3, 8, 8, 3, 2, TINY);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(4));
            int[] live = new int[12];
            for (int s = 0; s < live.length; s++) {
                try (NDManager sm = m.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = net.forward(new ParameterStore(sm, false), new NDList(
                            gaussian(sm, rng, new Shape(4, 192)), times(sm, 0.1f, 0.2f, 0.3f, 0.4f),
                            oneHot(sm, new int[] {0, 1, 2, 0}, 2)), true).singletonOrThrow();
                    collector.backward(out.square().mean());
                }
                live[s] = Scoped.liveArrays();
            }
            assertEquals(live[2], live[live.length - 1], "live arrays per step: " + java.util.Arrays.toString(live));
        }
    }

    @Test
    void aFewAdamWStepsReduceARegressionLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(6);
            UNet net = new UNet(3, 8, 8, 3, 0, TINY);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(16));
            ParameterStore store = new ParameterStore(m, false);
            store.setParameterServer(Engine.getInstance().newParameterServer(
                    Optimizer.adamW().optLearningRateTracker(Tracker.fixed(3e-3f)).build()),
                    new Device[] {Device.cpu()});
            NDArray x = gaussian(m, rng, new Shape(16, 192));
            NDArray t = m.create(new float[16], new Shape(16, 1));
            // target: a fixed smooth function of the input the skip path can learn, y = x reversed in channel
            NDArray y = x.reshape(16, 3, 8, 8).flip(1).reshape(16, 192);
            double first = 0;
            double last = 0;
            int steps = 40;
            for (int s = 0; s < steps; s++) {
                double l;
                try (NDManager sm = m.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = net.forward(store, new NDList(x, t), true).singletonOrThrow();
                    NDArray mse = out.sub(y).square().mean();
                    l = mse.getFloat();
                    collector.backward(mse);
                }
                store.updateAllParameters();
                if (s == 0) {
                    first = l;
                }
                last = l;
            }
            // the zero-initialised output predicts 0 at first: the loss starts at mean(y^2) ~ 1
            assertEquals(y.square().mean().getFloat(), first, 1e-4);
            System.out.printf("UNet fit: MSE %.4f -> %.4f after %d AdamW steps%n", first, last, steps);
            assertTrue(last < 0.7 * first, "loss " + first + " -> " + last + " after " + steps + " steps");
        }
    }

    /** Prints one forward+backward of batch 64 at 32x32x3 with the default config (sizing CIFAR runs). */
    @Test
    void timingOfTheDefaultConfigAt32x32() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(7);
            UNet net = new UNet(3, 32, 32, 3, 10, UNetConfig.small());
            net.initialize(m, DataType.FLOAT32, net.inputShapes(64));
            int[] labels = new int[64];
            float[] t = new float[64];
            for (int i = 0; i < 64; i++) {
                labels[i] = rng.nextInt(11);
                t[i] = (float) rng.nextDouble();
            }
            long params = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                params += p.getValue().getArray().size();
            }
            int reps = 3;
            long start = 0;
            for (int r = 0; r <= reps; r++) {
                if (r == 1) {
                    start = System.nanoTime();
                }
                try (NDManager sm = m.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = net.forward(new ParameterStore(sm, false), new NDList(
                            gaussian(sm, rng, new Shape(64, 3072)), times(sm, t), oneHot(sm, labels, 10)), true)
                            .singletonOrThrow();
                    collector.backward(out.square().mean());
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / reps;
            System.out.printf("UNet timing: default config %s, %d parameters, one forward+backward of batch 64 "
                    + "at 3x32x32: %.0f ms (mean of %d after one warm-up)%n", UNetConfig.small(), params, ms, reps);
        }
    }

    @Test
    void configAndConstructorValidate() {
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(24, List.of(1), 1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(16, List.of(), 1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(16, List.of(1, 0), 1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(16, List.of(1), 0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(16, List.of(1), 1, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(16, List.of(1), 1, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new UNet(3, 7, 8, 3, 0, TINY));
        assertThrows(IllegalArgumentException.class, () -> new UNet(3, 8, 8, 0, 0, TINY));
        assertThrows(IllegalArgumentException.class, () -> new UNet(3, 10, 10, 3, 0, UNetConfig.small()));
        assertEquals(16, UNet.roundUp(3));
        assertEquals(32, UNet.roundUp(17));
        assertEquals(16, UNet.roundUp(16));
    }
}
