package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How labels enter a run (the seed's settings): {@code unsup} trains and samples without labels;
 * {@code cfg} trains with every label (each replaced by the null label with probability
 * {@code training.labelDropout}) and samples by class with classifier-free guidance, classes drawn as
 * {@code guidance.classDraw} says (default: with the true class weights); {@code semi} is {@code cfg} with labels on only a fraction
 * ({@code guidance.labelledFraction}) of the training set, the rest carrying the null label.
 */
public enum Setting {
    UNSUP,
    CFG,
    SEMI;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether models are trained with labels and sampled by class. */
    public boolean labelled() {
        return this != UNSUP;
    }

    @JsonCreator
    public static Setting byName(String name) {
        for (Setting s : values()) {
            if (s.id().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + name + "'; known settings: "
                + Arrays.stream(values()).map(Setting::id).toList());
    }
}
