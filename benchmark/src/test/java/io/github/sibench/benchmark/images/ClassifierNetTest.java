package io.github.sibench.benchmark.images;

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
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierNetTest {

    /** Three stages (8x8 -> 4x4 -> 2x2), 16 features, 3 classes. */
    private static final ClassifierConfig TINY = new ClassifierConfig(List.of(16, 32, 32), 16, 1, 2, 1e-3, 0, 0);

    private static NDArray gaussian(NDManager m, SplittableRandom rng, Shape shape) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, shape);
    }

    @Test
    void outputShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] hw : new int[][] {{8, 8}, {7, 9}, {32, 32}}) {
                ClassifierNet net = new ClassifierNet(3, 5, TINY);
                Shape in = new Shape(2, 3, hw[0], hw[1]);
                net.initialize(m, DataType.FLOAT32, in);
                NDList out = net.forward(new ParameterStore(m, false),
                        new NDList(gaussian(m, new SplittableRandom(1), in)), false);
                assertEquals(new Shape(2, 5), out.get(0).getShape());
                assertEquals(new Shape(2, 16), out.get(1).getShape());
                assertTrue(out.get(1).min().getFloat() >= 0, "features are after a ReLU");
            }
            assertThrows(IllegalArgumentException.class, () -> new ClassifierNet(3, 1, TINY));
        }
    }

    /**
     * Autograd in float32 (the training path, through oneDNN's conv backward) against central finite
     * differences in float64 on the same weights, for the input and a few parameters, with
     * L = sum(w * logits) + sum(v * features) for fixed random w, v.
     *
     * <p>Tolerance: float32 rounding (2^-24 relative per op) accumulated over sums of a few hundred terms
     * and ~20 layers stays below 1e-4 of the gradient scale; the float64 difference quotient with step 1e-6
     * has truncation error O(h^2) ~ 1e-12 and rounding error ~1e-16 |L| / h ~ 1e-9. The step is that small
     * because of the ReLUs: a parameter such as a GroupNorm beta moves thousands of downstream units, and with
     * h = 1e-4 one of them crossing its kink inside the step already moved a quotient by 10%. The check allows 2e-3 of the tensor's largest gradient, while
     * a wrong backward (e.g. the oneDNN input-gradient bug at widths that are not multiples of 16, or GroupNorm
     * with a detached variance) gives O(1) errors.
     */
    @Test
    void gradientsMatchFloat64FiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(4);
            Shape in = new Shape(2, 3, 8, 8);
            ClassifierNet net = new ClassifierNet(3, 3, TINY);
            net.initialize(m, DataType.FLOAT32, in);
            NDArray x = gaussian(m, rng, in);
            NDArray w = gaussian(m, rng, new Shape(2, 3));
            NDArray v = gaussian(m, rng, new Shape(2, 16));
            List<String> names = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                names.add(p.getKey());
            }
            List<String> checked = List.of(names.get(0), names.get(2), names.get(names.size() - 6),
                    names.get(names.size() - 4), names.get(names.size() - 2));
            float[] gx;
            List<float[]> gp = new ArrayList<>();
            try (NDManager sm = m.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray xs = x.duplicate();
                xs.attach(sm);
                xs.setRequiresGradient(true);
                NDList out = net.forward(new ParameterStore(sm, false), new NDList(xs), true);
                collector.backward(out.get(0).mul(w).sum().add(out.get(1).mul(v).sum()));
                gx = xs.getGradient().toFloatArray();
                for (String name : checked) {
                    gp.add(net.getParameters().get(name).getArray().getGradient().toFloatArray());
                }
            }
            ClassifierNet net64 = new ClassifierNet(3, 3, TINY);
            net64.initialize(m, DataType.FLOAT64, in);
            for (Pair<String, Parameter> p : net.getParameters()) {
                net64.getParameters().get(p.getKey()).getArray().set(
                        p.getValue().getArray().toType(DataType.FLOAT64, false).toDoubleArray());
            }
            NDArray x64 = x.toType(DataType.FLOAT64, false);
            NDArray w64 = w.toType(DataType.FLOAT64, false);
            NDArray v64 = v.toType(DataType.FLOAT64, false);
            double h = 1e-6;
            double[] xv = x64.toDoubleArray();
            int[] xi = new int[10];
            double[] fdx = new double[xi.length];
            for (int k = 0; k < xi.length; k++) {
                xi[k] = rng.nextInt(xv.length);
                double[] plus = xv.clone();
                double[] minus = xv.clone();
                plus[xi[k]] += h;
                minus[xi[k]] -= h;
                fdx[k] = (loss(net64, m, m.create(plus, in), w64, v64) - loss(net64, m, m.create(minus, in), w64, v64))
                        / (2 * h);
            }
            compare("x", gx, xi, fdx);
            for (int p = 0; p < checked.size(); p++) {
                NDArray arr = net64.getParameters().get(checked.get(p)).getArray();
                assertEquals(DataType.FLOAT64, arr.getDataType());
                double[] orig = arr.toDoubleArray();
                int[] idx = new int[Math.min(6, orig.length)];
                double[] fd = new double[idx.length];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = rng.nextInt(orig.length);
                    double[] val = orig.clone();
                    val[idx[k]] = orig[idx[k]] + h;
                    arr.set(val);
                    double up = loss(net64, m, x64, w64, v64);
                    val[idx[k]] = orig[idx[k]] - h;
                    arr.set(val);
                    double down = loss(net64, m, x64, w64, v64);
                    arr.set(orig);
                    fd[k] = (up - down) / (2 * h);
                }
                compare(checked.get(p), gp.get(p), idx, fd);
            }
        }
    }

    private static double loss(ClassifierNet net, NDManager m, NDArray x, NDArray w, NDArray v) {
        try (NDManager sm = m.newSubManager()) {
            NDList out = net.forward(new ParameterStore(sm, false), new NDList(x), false);
            return out.get(0).mul(w).sum().add(out.get(1).mul(v).sum()).getDouble();
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
}
