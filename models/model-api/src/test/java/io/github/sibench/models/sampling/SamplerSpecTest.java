package io.github.sibench.models.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplerSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SamplerSpec read(String json) throws Exception {
        return SamplerOptions.read(JSON.readTree(json));
    }

    /** The one-line message of reading {@code json}. */
    private static String error(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theSamplerEntryShapeSelectsTheRecord() throws Exception {
        assertEquals(new SamplerSpec.Em(100, 0.5), read("{\"name\": \"em\", \"steps\": 100, \"eps\": 0.5}"));
        assertEquals(new SamplerSpec.Heun(25), read("{\"name\": \"heun\", \"steps\": 25}"));
        assertEquals(SamplerSpec.Dopri5.withTolerance(1e-3), read("{\"name\": \"dopri5\", \"tolerance\": 0.001}"));
        assertEquals(new SamplerSpec.Ancestral(), read("{\"name\": \"ancestral\"}"));
        // names are case- and space-insensitive, as before
        assertEquals(new SamplerSpec.Rk4(3), read("{\"name\": \" RK4 \", \"steps\": 3}"));
    }

    @Test
    void missingFieldsTakeTheDocumentedDefaults() throws Exception {
        SamplerSpec.EdmSde sde = (SamplerSpec.EdmSde) read("{\"name\": \"edm-sde\", \"steps\": 40}");
        assertEquals(40, sde.steps());
        // Karras et al. 2022, Table 5
        assertEquals(40.0, sde.churn());
        assertEquals(0.05, sde.sTmin());
        assertEquals(50.0, sde.sTmax());
        assertEquals(1.003, sde.sNoise());
        assertEquals(7.0, sde.rho());
        assertEquals(new SamplerSpec.Em(100, 1.0), read("{\"name\": \"em\"}"));
        assertEquals(new SamplerSpec.Dopri5(1e-4, 10_000), read("{\"name\": \"dopri5\"}"));
        assertEquals(new SamplerSpec.EdmHeun(100, 7), read("{\"name\": \"edm-heun\"}"));
        for (SamplerKind k : SamplerKind.values()) {
            assertEquals(k.defaults(), read("{\"name\": \"" + k.configName() + "\"}"), k.configName());
            assertEquals(k, k.defaults().kind());
        }
    }

    /** What is written lists every option of the record, and reads back to the same record. */
    @Test
    void writtenFormListsEveryOptionAndRoundTrips() throws Exception {
        List<SamplerSpec> specs = new ArrayList<>();
        for (SamplerKind k : SamplerKind.values()) {
            specs.add(k.defaults());
        }
        specs.add(new SamplerSpec.EdmSde(7, 3, 0.1, 10, 1.0, 5));
        specs.add(new SamplerSpec.Dopri5(1e-3, 50));
        for (SamplerSpec s : specs) {
            JsonNode written = JSON.valueToTree(s);
            Set<String> expected = new java.util.LinkedHashSet<>(List.of("name"));
            expected.addAll(SamplerOptions.values(s).keySet());
            List<String> fields = new ArrayList<>();
            written.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.copyOf(expected), fields, s.label());
            assertEquals(s.name(), written.get("name").asText());
            assertEquals(s, SamplerOptions.read(written), s.label());
            assertEquals(s, JSON.readValue(JSON.writeValueAsString(s), SamplerSpec.class), s.label());
        }
        assertEquals(List.of("steps", "churn", "sTmin", "sTmax", "sNoise", "rho"),
                List.copyOf(SamplerOptions.values(SamplerSpec.EdmSde.DEFAULTS).keySet()));
    }

    @Test
    void labelsAreTheSameAsBefore() {
        assertEquals("heun-25", new SamplerSpec.Heun(25).label());
        assertEquals("euler-50", new SamplerSpec.Euler(50).label());
        assertEquals("rk4-12", new SamplerSpec.Rk4(12).label());
        assertEquals("em-100-eps0.5", new SamplerSpec.Em(100, 0.5).label());
        assertEquals("edm-heun-18", SamplerSpec.EdmHeun.ofSteps(18).label());
        assertEquals("edm-sde-40-churn40.0", SamplerSpec.EdmSde.of(40, 40).label());
        assertEquals("dopri5-tol0.001", SamplerSpec.Dopri5.withTolerance(0.001).label());
        assertEquals("ancestral", new SamplerSpec.Ancestral().label());
        assertEquals("edm-sde-40-churn40.0-snoise1.0", new SamplerSpec.EdmSde(40, 40, 0.05, 50, 1.0, 7).label());
    }

    /**
     * Any option that changes the samples changes the label (labels name result rows and files), for
     * every option of every sampler; only dopri5's maxSteps, a failure guard, leaves it alone.
     */
    @Test
    void everyOptionThatChangesSamplesChangesTheLabel() {
        for (SamplerKind k : SamplerKind.values()) {
            SamplerSpec d = k.defaults();
            for (Map.Entry<String, Object> option : SamplerOptions.values(d).entrySet()) {
                Object other = option.getValue() instanceof Integer i ? (Object) (i + 1)
                        : (Object) ((Double) option.getValue() * 1.5 + 0.25);
                SamplerSpec changed = SamplerOptions.with(d, option.getKey(), other);
                assertNotEquals(d, changed);
                if (k == SamplerKind.DOPRI5 && option.getKey().equals("maxSteps")) {
                    assertEquals(d.label(), changed.label());
                } else {
                    assertNotEquals(d.label(), changed.label(), k + "." + option.getKey());
                }
            }
        }
    }

    @Test
    void stepsOnlyWhereMeaningful() {
        assertTrue(new SamplerSpec.Em(3, 1).fixedSteps());
        assertEquals(3, SamplerSpec.of("em", 3).steps());
        assertEquals(18, SamplerSpec.of("edm-sde", 18).steps());
        assertEquals(SamplerSpec.Dopri5.DEFAULTS, SamplerSpec.of("dopri5", 5));
        assertEquals(SamplerSpec.Ancestral.DEFAULTS, SamplerSpec.of("ancestral", 1));
        for (SamplerSpec s : List.of(SamplerSpec.Dopri5.DEFAULTS, SamplerSpec.Ancestral.DEFAULTS)) {
            assertFalse(s.fixedSteps());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, s::steps);
            assertTrue(e.getMessage().contains(s.name()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SamplerSpec.of("heun", 0));
        assertThrows(IllegalArgumentException.class, () -> SamplerSpec.of("nope", 5));
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                Arguments.of("null", List.of("null", "sampler")),
                Arguments.of("5", List.of("object", "5")),
                Arguments.of("[\"em\"]", List.of("object")),
                Arguments.of("{}", List.of("'name'", "euler", "edm-sde")),
                Arguments.of("{\"name\": null}", List.of("'name'")),
                Arguments.of("{\"name\": 3}", List.of("'name'", "3")),
                Arguments.of("{\"name\": \"eulr\"}", List.of("eulr", "euler")),
                Arguments.of("{\"name\": \"em\", \"churn\": 3}", List.of("sampler em", "'churn'", "steps", "eps")),
                Arguments.of("{\"name\": \"ancestral\", \"steps\": 3}", List.of("sampler ancestral", "'steps'", "none")),
                Arguments.of("{\"name\": \"euler\", \"steps\": null}", List.of("sampler euler", "steps", "null", "100")),
                Arguments.of("{\"name\": \"euler\", \"steps\": \"5\"}", List.of("sampler euler", "steps", "integer")),
                Arguments.of("{\"name\": \"euler\", \"steps\": 2.5}", List.of("sampler euler", "steps", "integer")),
                Arguments.of("{\"name\": \"euler\", \"steps\": 2147483648}", List.of("sampler euler", "steps", "range")),
                Arguments.of("{\"name\": \"euler\", \"steps\": 0}", List.of("sampler euler", "steps", "0")),
                Arguments.of("{\"name\": \"heun\", \"steps\": 100001}", List.of("sampler heun", "steps", "100000")),
                Arguments.of("{\"name\": \"em\", \"eps\": -1}", List.of("sampler em", "eps")),
                Arguments.of("{\"name\": \"em\", \"eps\": 1e999}", List.of("sampler em", "eps")),
                Arguments.of("{\"name\": \"em\", \"eps\": true}", List.of("sampler em", "eps", "number")),
                Arguments.of("{\"name\": \"dopri5\", \"tolerance\": 1e-9}", List.of("sampler dopri5", "tolerance")),
                Arguments.of("{\"name\": \"dopri5\", \"tolerance\": 1}", List.of("sampler dopri5", "tolerance")),
                Arguments.of("{\"name\": \"dopri5\", \"maxSteps\": -1}", List.of("sampler dopri5", "maxSteps")),
                Arguments.of("{\"name\": \"edm-sde\", \"churn\": -0.5}", List.of("sampler edm-sde", "churn")),
                Arguments.of("{\"name\": \"edm-sde\", \"sTmin\": 60}", List.of("sampler edm-sde", "sTmax", "60")),
                Arguments.of("{\"name\": \"edm-sde\", \"sNoise\": 0}", List.of("sampler edm-sde", "sNoise")),
                Arguments.of("{\"name\": \"edm-sde\", \"sNoise\": 1003}", List.of("sampler edm-sde", "sNoise", "2.0")),
                Arguments.of("{\"name\": \"edm-heun\", \"rho\": 0}", List.of("sampler edm-heun", "rho")),
                Arguments.of("{\"name\": \"edm-heun\", \"rho\": 4.9e-324}", List.of("sampler edm-heun", "rho", "0.1")),
                Arguments.of("{\"name\": \"edm-sde\", \"rho\": 1000}", List.of("sampler edm-sde", "rho", "100")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void badEntriesAreOneLineErrorsNamingSamplerAndField(String json, List<String> mentions) {
        String message = error(json);
        for (String m : mentions) {
            assertTrue(message.contains(m), "'" + m + "' missing from: " + message);
        }
        assertFalse(message.contains("Exception") || message.contains("java."), message);
    }

    /** Through Jackson, a bad entry is a mapping error carrying the reader's message. */
    @Test
    void jacksonReportsTheSameMessage() throws Exception {
        ObjectNode n = JSON.createObjectNode().put("name", "em").put("churn", 1);
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> JSON.readValue(JSON.writeValueAsString(List.of(n)), SamplerSpec[].class));
        assertTrue(e.getOriginalMessage().startsWith("sampler em has no field 'churn'"), e.getOriginalMessage());
        JsonMappingException nul = assertThrows(JsonMappingException.class,
                () -> JSON.readValue("[null]", SamplerSpec[].class));
        assertTrue(nul.getOriginalMessage().contains("null"), nul.getOriginalMessage());
    }
}
