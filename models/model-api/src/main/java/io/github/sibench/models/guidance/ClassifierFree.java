package io.github.sibench.models.guidance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Binds labels and a guidance weight to a label-conditioned network, giving a function of (x, t) only:
 * {@code out = out_null + w (out_cond - out_null)} (Ho and Salimans, "Classifier-Free Diffusion
 * Guidance", 2022). For w = 0 and w = 1 one pass is made with the null or the class labels, so those
 * cases reproduce the null and the conditional model exactly; otherwise the conditional and null inputs
 * go through the network together as one batch of 2n rows.
 */
public final class ClassifierFree {

    /** A network taking a label input: x (n, d), t (n, 1), one-hot label (n, K + 1) or null. */
    @FunctionalInterface
    public interface LabelledNetwork {
        NDArray apply(NDArray x, NDArray t, NDArray label);
    }

    /** A network with its conditioning bound: x (n, d), t (n, 1). */
    @FunctionalInterface
    public interface BoundNetwork {
        NDArray apply(NDArray x, NDArray t);
    }

    private ClassifierFree() {}

    /**
     * The label inputs of one guided generation: class one-hots (or null when unconditional), null-label
     * one-hots (or null for a model without classes) and the weight; {@link #bind(LabelledNetwork)} applies
     * them to a network.
     */
    public record Inputs(NDArray cond, NDArray uncond, double weight) {

        /**
         * Checks the request against the model and builds the label arrays on {@code manager}.
         *
         * @param model model name, for messages
         * @param classes the model's number of classes (0: unconditional)
         * @throws UnsupportedOperationException when classes are asked of a model without classes
         * @throws IllegalArgumentException when the number of labels is not n
         */
        public static Inputs of(NDManager manager, Guidance guidance, int n, int classes, String model) {
            check(guidance, n, classes, model);
            NDArray uncond = classes == 0 ? null : Labels.nullLabels(manager, n, classes);
            NDArray cond = guidance.conditional() ? Labels.oneHot(manager, guidance.labels(), classes) : null;
            return new Inputs(cond, uncond, guidance.weight());
        }

        /**
         * Checks a request for n points against a model with {@code classes} classes.
         *
         * @throws UnsupportedOperationException when classes are asked of a model without classes
         * @throws IllegalArgumentException when the number of labels is not n
         */
        public static void check(Guidance guidance, int n, int classes, String model) {
            if (guidance.conditional() && classes == 0) {
                throw new UnsupportedOperationException(model
                        + " was built without classes: it cannot generate by class");
            }
            if (guidance.conditional() && guidance.labels().length != n) {
                throw new IllegalArgumentException(model + ": " + guidance.labels().length + " labels for " + n
                        + " samples");
            }
        }

        /** The network with these labels and this weight bound. */
        public BoundNetwork bind(LabelledNetwork network) {
            return ClassifierFree.bind(network, cond, uncond, weight);
        }
    }

    /**
     * @param network the label-conditioned network
     * @param cond one-hot class labels (n, K + 1), or null when the network has no label input
     * @param uncond one-hot null labels (n, K + 1), or null when the network has no label input
     * @param weight guidance weight w >= 0
     */
    public static BoundNetwork bind(LabelledNetwork network, NDArray cond, NDArray uncond, double weight) {
        if (cond == null || uncond == null) {
            return (x, t) -> network.apply(x, t, uncond);
        }
        if (weight == 0) {
            return (x, t) -> network.apply(x, t, uncond);
        }
        if (weight == 1) {
            return (x, t) -> network.apply(x, t, cond);
        }
        NDArray both = cond.concat(uncond, 0);
        return (x, t) -> {
            NDList out = network.apply(x.concat(x, 0), t.concat(t, 0), both).split(2, 0);
            NDArray c = out.get(0);
            NDArray u = out.get(1);
            return u.add(c.sub(u).mul(weight));
        };
    }
}
