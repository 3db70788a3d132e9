package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sibench.benchmark.ImageData;
import io.github.sibench.benchmark.images.InceptionFeatures;
import io.github.sibench.datasets.Toy2DRegistry;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    public static final List<String> PROFILES = List.of("quick", "paper", "stress", "stress-all", "cifar", "ablation");

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
        for (int i = 0; i < raw.models().size(); i++) {
            resolved.add(resolve(raw.models().get(i), i));
        }
        RunConfig config = new RunConfig(raw.profile(), raw.output(), raw.device(), raw.threads(), raw.samplingThreads(),
                raw.seeds(),
                raw.dataset(), raw.backbone(), raw.training(), raw.evaluation(), raw.settings(), raw.guidance(), resolved,
                raw.images(), raw.grids());
        Path output = Path.of(config.output());
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new ConfigException("output: '" + config.output() + "' exists and is not a directory");
        }
        if (config.images() != null) {
            ImageData.requireSource(config.images().dataset());
            if (config.images().inception() != null) {
                InceptionFeatures.requireFile(config.images().inception());
            }
        }
        Devices.require(config.device(), config.threads());
        return config;
    }

    /**
     * One model entry with its settings merged over the model's defaults, its samplers checked against the
     * ones the model supports ({@link ModelFactory#samplers}).
     */
    private static ModelEntry resolve(ModelEntry e, int index) {
        ModelFactory<?> f;
        try {
            f = ModelRegistry.byName(e.name());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("models[" + index + "].name: " + ex.getMessage());
        }
        String where = "models[" + e.label() + "]";
        Record config = modelConfig(f, e.config(), where + ".config");
        Set<SamplerKind> supported = supported(f, config);
        for (int j = 0; j < e.samplers().size(); j++) {
            SamplerSpec s = e.samplers().get(j);
            if (!supported.contains(s.kind())) {
                throw new ConfigException(where + ".samplers[" + j + "]: sampler '" + s.name() + "' is not supported by "
                        + "model " + f.name() + "; valid samplers: " + supported.stream().map(SamplerKind::configName).toList());
            }
        }
        return new ModelEntry(e.name(), e.label(), JSON.valueToTree(config), e.samplers());
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> Set<SamplerKind> supported(ModelFactory<C> factory, Record config) {
        return factory.samplers((C) config);
    }

    /** The model's config record: its defaults with {@code settings} merged over them. */
    public static <C extends Record> C modelConfig(ModelFactory<C> factory, JsonNode settings) {
        return modelConfig(factory, settings, "models[" + factory.name() + "].config");
    }

    private static <C extends Record> C modelConfig(ModelFactory<C> factory, JsonNode settings, String where) {
        ObjectNode node = JSON.valueToTree(factory.defaultConfig());
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                throw new ConfigException(where + " must be a JSON object of " + factory.name() + "'s settings, got "
                        + shortText(settings));
            }
            merge(node, settings);
        }
        return convert(node, factory.configType(), where);
    }

    /** A resolved config (or another record or map written next to it) as pretty JSON. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
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
            String field = path(e);
            throw new ConfigException(where + (field.isEmpty() ? "" : " at '" + field + "'") + ": " + firstLine(describe(e)));
        } catch (StreamReadException e) {
            // e.g. a number out of an int's range: the reader's context says where
            String field = e.getProcessor() == null ? "" : path(e.getProcessor().getParsingContext());
            throw new ConfigException(where + (field.isEmpty() ? "" : " at '" + field + "'") + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** What went wrong, in the config's terms (never a Java class name). */
    private static String describe(JsonMappingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        if (e instanceof InvalidNullException || e.getOriginalMessage().startsWith("Cannot map `null`")) {
            return "missing or null, a value is required";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType()) + valueText(m);
        }
        return e.getOriginalMessage();
    }

    /** The JSON a Java type is read from, e.g. "an integer" for int. */
    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** ", got ..." for the JSON value the reader stopped at, or nothing when it is unknown. */
    private static String valueText(MismatchedInputException m) {
        if (!(m.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return "";
        }
        try {
            return switch (p.currentToken()) {
                case START_ARRAY, END_ARRAY -> ", got a list";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> ", got an object";
                case VALUE_STRING -> ", got the string " + shortText(JSON.getNodeFactory().textNode(p.getText()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> ", got " + p.getText();
                default -> "";
            };
        } catch (IOException e) {
            return "";
        }
    }

    private static String shortText(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String firstLine(String message) {
        return message == null ? "invalid value" : message.lines().findFirst().orElse(message);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
