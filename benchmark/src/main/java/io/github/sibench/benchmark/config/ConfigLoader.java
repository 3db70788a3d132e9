package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sibench.datasets.Toy2DRegistry;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a {@link RunConfig}: a named profile (a JSON resource under {@code profiles/}), then a user's
 * JSON file merged over it (objects merge field by field, anything else replaces), then command-line
 * overrides {@code path.to.field=value} (the value read as JSON when it parses, else as a string). Every
 * model's settings are merged over that model's defaults, so the resolved config lists every setting.
 * Errors are one-line {@link ConfigException}s naming the field.
 */
public final class ConfigLoader {

    /** Profiles shipped with the suite. */
    public static final List<String> PROFILES = List.of("quick", "paper");

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "12.5" for an int field is a wrong type, not 12
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "3 seeds" is not the JSON value 3, and a file with text after its object is malformed
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigLoader() {}

    /**
     * @param profile profile name, or null for the user file's {@code profile} field or else {@code quick}
     * @param userFile JSON file merged over the profile, or null
     * @param overrides {@code path=value} strings applied last
     */
    public static RunConfig load(String profile, Path userFile, List<String> overrides) {
        JsonNode user = userFile == null ? null : readFile(userFile);
        String fromOverrides = null;
        for (String o : overrides) {
            if (o.startsWith("profile=")) {
                fromOverrides = o.substring("profile=".length()).trim();
            }
        }
        String name = profile != null ? profile
                : fromOverrides != null ? fromOverrides
                : user != null && user.hasNonNull("profile") ? user.get("profile").asText() : "quick";
        ObjectNode node = profileNode(name);
        if (user != null) {
            merge(node, user);
        }
        for (String o : overrides) {
            applyOverride(node, o);
        }
        node.put("profile", name);
        RunConfig raw = convert(node, RunConfig.class, "config");
        try {
            Toy2DRegistry.byName(raw.dataset().name());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("dataset.name: " + ex.getMessage());
        }
        List<ModelEntry> resolved = new ArrayList<>();
        for (ModelEntry e : raw.models()) {
            ModelFactory<?> f;
            try {
                f = ModelRegistry.byName(e.name());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("models: " + ex.getMessage());
            }
            resolved.add(new ModelEntry(e.name(), e.label(), JSON.valueToTree(modelConfig(f, e.config())),
                    e.samplers()));
        }
        return new RunConfig(raw.profile(), raw.output(), raw.device(), raw.threads(), raw.seeds(), raw.dataset(), raw.backbone(),
                raw.training(), raw.evaluation(), raw.settings(), raw.guidance(), resolved);
    }

    /** The model's config record: its defaults with {@code settings} merged over them. */
    public static <C extends Record> C modelConfig(ModelFactory<C> factory, JsonNode settings) {
        ObjectNode node = JSON.valueToTree(factory.defaultConfig());
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                throw new ConfigException("models[" + factory.name() + "].config must be a JSON object");
            }
            merge(node, settings);
        }
        return convert(node, factory.configType(), "models[" + factory.name() + "].config");
    }

    /** The resolved config as pretty JSON. */
    public static String toJson(RunConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config as JSON", e);
        }
    }

    private static ObjectNode profileNode(String name) {
        if (!PROFILES.contains(name)) {
            throw new ConfigException("unknown profile '" + name + "'; known profiles: " + PROFILES);
        }
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/profiles/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("profile resource " + name + " is unreadable", e);
        }
    }

    private static JsonNode readFile(Path file) {
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new ConfigException("config file " + file + " must hold a JSON object");
            }
            return n;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** Merges {@code over} into {@code base}: objects field by field, other values replace. */
    static void merge(ObjectNode base, JsonNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode old = base.get(f.getKey());
            if (old instanceof ObjectNode o && f.getValue().isObject()) {
                merge(o, f.getValue());
            } else {
                base.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }

    /**
     * An override's value: JSON when it parses; a bracketed list whose quotes a shell or Maven stripped
     * ({@code [unsup,cfg]}) as a list of such values; anything else as a string.
     */
    private static JsonNode parseValue(String text) {
        try {
            JsonNode value = JSON.readTree(text);
            if (value != null && !value.isMissingNode()) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through
        }
        if (text.length() >= 2 && text.startsWith("[") && text.endsWith("]") && !text.contains("{")) {
            var list = JSON.getNodeFactory().arrayNode();
            String inner = text.substring(1, text.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String item : inner.split(",")) {
                    list.add(parseValue(item.trim()));
                }
            }
            return list;
        }
        return JSON.getNodeFactory().textNode(text);
    }

    static void applyOverride(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + override + "' must look like path.to.field=value");
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        String text = override.substring(eq + 1).trim();
        JsonNode value = parseValue(text);
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (child == null) {
                child = node.putObject(path[i]);
            }
            if (!(child instanceof ObjectNode o)) {
                throw new ConfigException("override '" + override + "': '" + path[i] + "' is not an object");
            }
            node = o;
        }
        node.set(path[path.length - 1], value);
    }

    private static <T> T convert(JsonNode node, Class<T> type, String where) {
        try {
            return JSON.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known fields: " + e.getKnownPropertyIds()
                    .stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(where + ": unknown field '" + path(e) + "'" + known);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String field = path(e);
            String message = root instanceof IllegalArgumentException ? root.getMessage()
                    : e.getOriginalMessage().startsWith("Cannot map `null`") ? "missing or null, a value is required"
                    : e.getOriginalMessage();
            throw new ConfigException(where + (field.isEmpty() ? "" : " at '" + field + "'") + ": "
                    + message.lines().findFirst().orElse(message));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
