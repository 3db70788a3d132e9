package io.github.sibench.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;
import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.backbone.SwiGluMlp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainedWeightsTest {

    /**
     * The flat layout and DJL's per-parameter store do the same arithmetic on every element: after a few
     * AdamW steps (weight decay, warm-up) and EMA updates from the same batches, the network's weights and
     * their averages are equal bit for bit.
     */
    @Test
    void flatAndSeparateLayoutsTrainIdentically() {
        float[][] flat = train(true);
        float[][] separate = train(false);
        assertEquals(separate.length, flat.length);
        for (int i = 0; i < flat.length; i++) {
            assertArrayEquals(separate[i], flat[i], "array " + i);
        }
    }

    /** Small parameters (here at most 8 x 16 values each) get the flat layout. */
    @Test
    void smallParametersGetTheFlatLayout() {
        try (NDManager m = NDManager.newBaseManager()) {
            SwiGluMlp net = new SwiGluMlp(3, 3, 0, new BackboneConfig(8, 1, 2));
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            try (TrainedWeights w = TrainedWeights.of(net, m, Device.cpu(), Optimizer.adamW().build())) {
                assertTrue(w instanceof FlatParameters, "layout " + w.getClass().getSimpleName());
            }
        }
    }

    /** A network of one parameter: the step's view is a new array, so closing the step keeps the weights. */
    @Test
    void oneParameterNetworkTrains() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear net = Linear.builder().setUnits(2).optBias(false).build();
            net.initialize(m, DataType.FLOAT32, new Shape(4, 3));
            float[] before = net.getParameters().valueAt(0).getArray().toFloatArray();
            try (TrainedWeights w = new FlatParameters(net.getParameters(), m,
                    Optimizer.adamW().optLearningRateTracker(Tracker.fixed(0.1f)).build())) {
                for (int s = 0; s < 2; s++) {
                    try (NDManager sm = m.newSubManager();
                            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        w.bind(sm);
                        NDArray y = net.forward(w.store(), new NDList(sm.ones(new Shape(4, 3))), true)
                                .singletonOrThrow();
                        collector.backward(y.square().mean());
                    } finally {
                        w.unbind();
                    }
                    w.update();
                }
                w.sync();
                float[] after = net.getParameters().valueAt(0).getArray().toFloatArray();
                assertEquals(before.length, after.length);
                // the loss is the squared row sums of W: two AdamW steps of 0.1 lower it
                assertTrue(rowSquares(after) < rowSquares(before),
                        "loss " + rowSquares(before) + " -> " + rowSquares(after));
            }
        }
    }

    private static double rowSquares(float[] w) {
        double a = w[0] + w[1] + w[2];
        double b = w[3] + w[4] + w[5];
        return a * a + b * b;
    }

    /** Weights after training, then the EMA averages loaded into the network, parameter by parameter. */
    private static float[][] train(boolean flatLayout) {
        TrainingConfig config = new TrainingConfig(10, 32, 1e-2, 1e-2, 2, 0.9, 0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            SwiGluMlp net = new SwiGluMlp(3, 3, 0, new BackboneConfig(8, 1, 2));
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            Optimizer adamW = Optimizer.adamW().optLearningRateTracker(new LearningRateSchedule(config))
                    .optWeightDecays((float) config.weightDecay()).build();
            TrainedWeights weights = flatLayout ? new FlatParameters(net.getParameters(), m, adamW)
                    : new TrainedWeights.Separate(net, m, Device.cpu(), adamW);
            List<float[]> out = new ArrayList<>();
            try (Ema ema = new Ema(weights.weights(), config.emaDecay(), m)) {
                for (int s = 0; s < config.steps(); s++) {
                    try (NDManager sm = m.newSubManager();
                            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        Engine.getInstance().setRandomSeed(100 + s);
                        NDArray x = sm.randomNormal(new Shape(config.batchSize(), 3));
                        NDArray t = sm.randomUniform(0, 1, new Shape(config.batchSize(), 1));
                        weights.bind(sm);
                        NDArray y = net.forward(weights.store(), new NDList(x, t), true).singletonOrThrow();
                        collector.backward(y.sub(x).square().mean());
                    } finally {
                        weights.unbind();
                    }
                    weights.update();
                    ema.update();
                }
                weights.sync();
                for (Pair<String, Parameter> p : net.getParameters()) {
                    out.add(p.getValue().getArray().toFloatArray());
                }
                weights.load(ema.averages());
                for (Pair<String, Parameter> p : net.getParameters()) {
                    out.add(p.getValue().getArray().toFloatArray());
                }
            } finally {
                weights.close();
            }
            return out.toArray(new float[0][]);
        }
    }
}
