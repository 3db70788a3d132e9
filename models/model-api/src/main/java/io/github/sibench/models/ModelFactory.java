package io.github.sibench.models;

import io.github.sibench.models.sampling.SamplerKind;
import java.util.Set;

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

    /**
     * The samplers a model built from {@code config} can run (usually {@link SamplerKind#using} with the
     * fields it offers). A run configuration naming any other for this model is refused when it loads,
     * before training; the model's {@code generate} throws {@link UnsupportedOperationException} for any
     * other, never ignoring the name.
     */
    Set<SamplerKind> samplers(C config);

    /** Short description of the interpolant, for CSV columns (e.g. {@code linear}, {@code si(a=1.0)}). */
    String interpolant(C config);
}
