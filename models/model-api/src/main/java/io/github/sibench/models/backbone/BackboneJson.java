package io.github.sibench.models.backbone;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;

/**
 * The JSON form of a {@link Backbone}: {@code {"type": <kind>, <field>: <value>, ...}}. {@code type}
 * defaults to {@code mlp}; the other fields are those of the kind's record, read with the caller's
 * settings (unknown fields are errors), and missing ones take the kind's defaults
 * ({@link BackboneKind#defaults()}). The written form lists the type and every field.
 */
public final class BackboneJson {

    /** Writes the defaults of a kind as a tree (through {@link Writer}). */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private BackboneJson() {}

    /** Jackson reader of {@link Backbone}. */
    public static final class Reader extends JsonDeserializer<Backbone> {
        @Override
        public Backbone deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (!node.isObject()) {
                throw JsonMappingException.from(p, "backbone must be an object like {\"type\": \"mlp\", \"hidden\": 128}");
            }
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            JsonNode type = fields.remove("type");
            BackboneKind kind;
            try {
                kind = type == null ? BackboneKind.MLP : BackboneKind.byName(type.asText());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, "type: " + e.getMessage(), e);
            }
            ObjectNode merged = PLAIN.valueToTree(kind.defaults());
            merged.remove("type");
            merged.setAll(fields);
            return ctxt.readTreeAsValue(merged, kind.type());
        }
    }

    /** Jackson writer of {@link Backbone}: its type, then every field. */
    public static final class Writer extends JsonSerializer<Backbone> {
        @Override
        public void serialize(Backbone b, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("type", b.kind().configName());
            for (RecordComponent c : b.getClass().getRecordComponents()) {
                try {
                    provider.defaultSerializeField(c.getName(), c.getAccessor().invoke(b), gen);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot write backbone field " + c.getName(), e);
                }
            }
            gen.writeEndObject();
        }
    }
}
