package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sibench.models.sampling.SamplerSpec;
import java.util.List;

/**
 * One model of a run: a registered model name, its settings (merged over the model's defaults) and the
 * samplers to generate with.
 *
 * @param name registered model name, e.g. {@code flow-matching}
 * @param label name of this entry in results and file names (default: the model name); entries must
 *     have distinct labels, e.g. {@code vae-vamp} and {@code vae-mog} for two priors of one model
 * @param config model settings as JSON (fields of the model's config record; may be empty)
 * @param samplers samplers, each giving one result row per seed
 */
public record ModelEntry(String name, String label, JsonNode config, List<SamplerSpec> samplers) {

    public ModelEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("models[].name is required");
        }
        label = label == null || label.isBlank() ? name : label.trim();
        if (samplers == null || samplers.isEmpty()) {
            throw new IllegalArgumentException("models[" + name + "].samplers must list at least one sampler");
        }
        samplers = List.copyOf(samplers);
    }
}
