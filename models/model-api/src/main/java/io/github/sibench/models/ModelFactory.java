package io.github.sibench.models;

/**
 * Service-provider interface of a model family, found by {@link ModelRegistry} through
 * {@link java.util.ServiceLoader}: a new model module adds one model class, one config record and one
 * factory listed in {@code META-INF/services/io.github.sibench.models.ModelFactory}.
 *
 * @param <C> the model's config record (read from JSON with Jackson, validated in its constructor)
 */
public interface ModelFactory<C extends Record> {

    /** Name in configs and CSV files, e.g. {@code flow-matching}. */
    String name();

    /** The config record type. */
    Class<C> configType();

    /** The config used when a run names the model without settings. */
    C defaultConfig();

    /** Builds an untrained model. */
    GenerativeModel create(C config, ModelContext context);

    /** Short description of the interpolant, for CSV columns (e.g. {@code linear}, {@code si(a=1.0)}). */
    String interpolant(C config);
}
