package io.github.sibench.models.train;

import ai.djl.training.tracker.Tracker;

/**
 * DJL tracker for {@link TrainingConfig#learningRateAt(int)}: linear warm-up, then linear decay to 0.
 * DJL's optimisers count updates from 1, so update k uses the rate of step k - 1.
 */
public record LearningRateSchedule(TrainingConfig config) implements Tracker {

    @Override
    public float getNewValue(int numUpdate) {
        return (float) config.learningRateAt(Math.max(0, numUpdate - 1));
    }
}
