package io.github.sibench.models.train;

/**
 * Outcome of a training run.
 *
 * @param steps optimisation steps done
 * @param seconds wall time of the training loop
 * @param finalLoss mean training loss over the last steps (the last 5% of steps, at least one)
 */
public record TrainResult(int steps, double seconds, double finalLoss) {

    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : Double.NaN;
    }
}
