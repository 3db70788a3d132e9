package io.github.sibench.benchmark;

import io.github.sibench.models.train.TrainingListener;

/** Where a run reports what it is doing (a console with progress bars, or nothing in tests). */
public interface Progress {

    /** A training run starts: returns the listener that follows its steps; {@code done()} ends it. */
    Task training(String name, int steps);

    /** A one-line status message. */
    void message(String line);

    /** A training task in progress. */
    interface Task extends TrainingListener, AutoCloseable {
        @Override
        void close();
    }

    Progress SILENT = new Progress() {
        @Override
        public Task training(String name, int steps) {
            return new Task() {
                @Override
                public void onStep(int done, int total, double loss, double learningRate) {}

                @Override
                public void close() {}
            };
        }

        @Override
        public void message(String line) {}
    };
}
