package io.github.sibench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** All model families on the class path, found with {@link ServiceLoader}. */
public final class ModelRegistry {

    private ModelRegistry() {}

    /** Every registered factory, sorted by name. */
    @SuppressWarnings("rawtypes")
    public static List<ModelFactory<?>> all() {
        List<ModelFactory<?>> out = new ArrayList<>();
        for (ModelFactory f : ServiceLoader.load(ModelFactory.class)) {
            out.add(f);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The factory called {@code name}; a one-line error listing the known names otherwise. */
    public static ModelFactory<?> byName(String name) {
        List<ModelFactory<?>> all = all();
        for (ModelFactory<?> f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known models: "
                + all.stream().map(ModelFactory::name).toList());
    }
}
