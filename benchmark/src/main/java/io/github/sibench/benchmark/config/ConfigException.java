package io.github.sibench.benchmark.config;

/** A run configuration is malformed; the message is one line naming the field and what to do. */
public class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
