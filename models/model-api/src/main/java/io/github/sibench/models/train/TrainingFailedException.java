package io.github.sibench.models.train;

/** A model could not be trained (e.g. its loss became NaN or infinite); the message says why. */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }
}
