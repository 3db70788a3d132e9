package io.github.sibench.models.sampling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a {@link SamplerSpec}: {@code {"name": <kind>, <option>: <value>, ...}}, where the
 * options are the components of the kind's record, by name. Reading starts from the kind's defaults and
 * replaces the options the object gives; every error is one line naming the sampler and the field. The
 * options are ints and doubles only: an int must be a JSON integer in int's range, a double any JSON
 * number (no strings, no nulls).
 */
public final class SamplerOptions {

    private SamplerOptions() {}

    /** The options of {@code spec}, by name, in the record's order. */
    public static Map<String, Object> values(SamplerSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(spec));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read option " + c.getName() + " of " + spec.name(), e);
            }
        }
        return out;
    }

    /** {@code spec} with one option replaced (validated by the record). */
    public static SamplerSpec with(SamplerSpec spec, String option, Object value) {
        Map<String, Object> values = values(spec);
        if (!values.containsKey(option)) {
            throw unknownOption(spec.kind(), option);
        }
        values.put(option, value);
        return build(spec.kind(), values);
    }

    /**
     * Reads one sampler entry.
     *
     * @throws IllegalArgumentException with a one-line message naming the sampler and the field
     */
    public static SamplerSpec read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("a sampler entry is null; give an object like "
                    + "{\"name\": \"euler\", \"steps\": 50}");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a sampler must be an object like {\"name\": \"euler\", \"steps\": 50}, got "
                    + shortText(node));
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException("sampler 'name' is required, a string: one of " + SamplerKind.names()
                    + (name == null ? "" : "; got " + shortText(name)));
        }
        SamplerKind kind;
        try {
            kind = SamplerKind.byName(name.asText().trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sampler 'name': " + e.getMessage());
        }
        Map<String, Object> values = values(kind.defaults());
        Map<String, Class<?>> types = types(kind);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("name")) {
                continue;
            }
            Class<?> type = types.get(f.getKey());
            if (type == null) {
                throw unknownOption(kind, f.getKey());
            }
            values.put(f.getKey(), value(kind, f.getKey(), type, f.getValue(), values.get(f.getKey())));
        }
        return build(kind, values);
    }

    private static Object value(SamplerKind kind, String option, Class<?> type, JsonNode v, Object defaultValue) {
        String where = "sampler " + kind.configName() + ": " + option;
        if (v.isNull()) {
            throw new IllegalArgumentException(where + " is null; give a value or leave " + option
                    + " out for its default " + defaultValue);
        }
        if (type == int.class) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(where + " must be an integer in int's range, got " + shortText(v));
            }
            return v.intValue();
        }
        if (type == double.class) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException(where + " must be a number, got " + shortText(v));
            }
            return v.doubleValue();
        }
        throw new IllegalStateException(where + ": options of type " + type + " are not supported");
    }

    private static IllegalArgumentException unknownOption(SamplerKind kind, String option) {
        return new IllegalArgumentException("sampler " + kind.configName() + " has no field '" + option + "'; its fields: "
                + (types(kind).isEmpty() ? "none besides name" : "name, " + String.join(", ", types(kind).keySet())));
    }

    private static Map<String, Class<?>> types(SamplerKind kind) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (RecordComponent c : kind.defaults().getClass().getRecordComponents()) {
            out.put(c.getName(), c.getType());
        }
        return out;
    }

    /** The kind's record built from its options through the canonical constructor, which validates them. */
    private static SamplerSpec build(SamplerKind kind, Map<String, Object> values) {
        Class<?> type = kind.defaults().getClass();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = values.get(components[i].getName());
        }
        try {
            return (SamplerSpec) type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot build sampler " + kind.configName(), e);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build sampler " + kind.configName() + " from " + values, e);
        }
    }

    private static String shortText(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Jackson reader of {@link SamplerSpec} (through {@link #read}). */
    public static final class Reader extends JsonDeserializer<SamplerSpec> {
        @Override
        public SamplerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            try {
                return read(node);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }

        /** A JSON null is an error, like any other malformed entry (not a null in the list). */
        @Override
        public SamplerSpec getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            try {
                return read(null);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(ctxt, e.getMessage(), e);
            }
        }
    }

    /** Jackson writer of {@link SamplerSpec}: its name, then every option. */
    public static final class Writer extends JsonSerializer<SamplerSpec> {
        @Override
        public void serialize(SamplerSpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", spec.name());
            for (Map.Entry<String, Object> e : values(spec).entrySet()) {
                provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
            }
            gen.writeEndObject();
        }
    }
}
