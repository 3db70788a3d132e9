package io.github.sibench.models.train;

/** Receives training progress (for progress bars and logs); called from the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** After each step: steps done so far, total steps, the step's loss and its learning rate. */
    void onStep(int done, int total, double loss, double learningRate);

    TrainingListener NONE = (done, total, loss, lr) -> {};
}
