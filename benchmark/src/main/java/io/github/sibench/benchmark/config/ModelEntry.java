package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sibench.models.sampling.SamplerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One model of a run: a registered model name, its settings (merged over the model's defaults) and the
 * samplers to generate with.
 *
 * @param name registered model name, e.g. {@code flow-matching}
 * @param label name of this entry in results and file names (default: the model name): letters, digits,
 *     '.', '_', '+' and '-', starting with a letter or digit; entries must have distinct labels, e.g.
 *     {@code vae-vamp} and {@code vae-mog} for two priors of one model
 * @param config model settings as JSON (fields of the model's config record; may be empty)
 * @param samplers samplers, each giving one result row per seed; their labels must differ, since they
 *     name the rows and the sample files
 */
public record ModelEntry(String name, String label, JsonNode config, List<SamplerSpec> samplers) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    public ModelEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("models[].name is required");
        }
        label = label == null || label.isBlank() ? name : label.trim();
        String where = "models[" + label + "]";
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException(where + ".label must be letters, digits, '.', '_', '+' or '-' (it names "
                    + "files), starting with a letter or digit; got '" + label + "'");
        }
        if (samplers == null || samplers.isEmpty()) {
            throw new IllegalArgumentException(where + ".samplers must list at least one sampler");
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < samplers.size(); i++) {
            SamplerSpec s = samplers.get(i);
            if (s == null) {
                throw new IllegalArgumentException(where + ".samplers[" + i + "] is null; give a sampler like "
                        + "{\"name\": \"euler\", \"steps\": 50}");
            }
            Integer first = labels.putIfAbsent(s.label(), i);
            if (first != null) {
                throw new IllegalArgumentException(where + ".samplers[" + i + "] has the same label '" + s.label()
                        + "' as samplers[" + first + "] (labels name rows and sample files); change a setting or drop one");
            }
        }
        samplers = List.copyOf(samplers);
    }
}
