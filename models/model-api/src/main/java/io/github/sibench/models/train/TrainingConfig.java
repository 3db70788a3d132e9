package io.github.sibench.models.train;

/**
 * Optimisation settings shared by every model: AdamW (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", 2019) with a linear warm-up to {@code learningRate} over {@code warmupSteps}, then a
 * linear decay to zero at {@code steps} (the seed's schedule), and an exponential moving average of the
 * weights with decay {@code emaDecay}, used for sampling.
 *
 * @param steps optimisation steps
 * @param batchSize training batch size
 * @param learningRate peak learning rate
 * @param weightDecay AdamW's decoupled weight decay
 * @param warmupSteps steps of linear warm-up (0 for none), less than {@code steps}
 * @param emaDecay EMA decay in [0, 1); 0 samples from the last weights
 * @param gradClip elementwise gradient clamp (0 for none); DJL clamps values, it is not norm clipping
 * @param labelDropout probability p_drop of replacing a training label by the null label, for
 *     classifier-free guidance (seed: 0.2); unused by unconditional models
 */
public record TrainingConfig(
        int steps,
        int batchSize,
        double learningRate,
        double weightDecay,
        int warmupSteps,
        double emaDecay,
        double gradClip,
        double labelDropout) {

    public TrainingConfig {
        require(steps >= 1, "steps must be >= 1, got " + steps);
        require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be finite and > 0, got " + learningRate);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be finite and >= 0, got " + weightDecay);
        require(warmupSteps >= 0 && warmupSteps < steps, "warmupSteps must be in [0, steps), got " + warmupSteps);
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay must be in [0, 1), got " + emaDecay);
        require(gradClip >= 0 && Double.isFinite(gradClip), "gradClip must be finite and >= 0, got " + gradClip);
        require(labelDropout >= 0 && labelDropout <= 1, "labelDropout must be in [0, 1], got " + labelDropout);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("training: " + message);
        }
    }

    /** Learning rate after {@code step} completed steps: linear warm-up, then linear decay to 0. */
    public double learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        return learningRate * Math.max(0.0, (double) (steps - step) / (steps - warmupSteps));
    }
}
