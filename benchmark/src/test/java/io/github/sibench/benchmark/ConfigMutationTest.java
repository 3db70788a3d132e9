package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: every configuration the command line is given is either accepted or refused with exit code 2
 * and one line {@code error: ...} that names the field, never a Java exception. The configurations are the
 * resolved {@code quick} and {@code stress} profiles (the latter with its image stage) with one mutation each: at every field path (every object field and list
 * element, down to each sampler option and model setting), null and two more values drawn with a fixed
 * seed from wrong types, extreme numbers and malformed strings; and at every object, an unknown field. Each goes
 * through {@code --config FILE --dry-run}, so nothing is trained. An accepted one must round-trip: the
 * printed configuration loads back to the same configuration.
 */
class ConfigMutationTest {

    private static final long SEED = 20_240_607L;
    private static final int VALUES_PER_PATH = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNKNOWN = "zzzUnknownField";
    private static final List<String> FORBIDDEN = List.of("Exception", "java.", "Cannot construct instance");

    /** Values drawn to put in place of a field (besides null): wrong types, extreme numbers, awkward strings. */
    private static final List<JsonNode> VALUES = List.of(
            NODES.textNode(""),
            NODES.textNode("x"),
            NODES.textNode("a/b"),
            NODES.textNode("-1.0E308"),
            NODES.booleanNode(true),
            NODES.numberNode(0),
            NODES.numberNode(-1),
            NODES.numberNode(1),
            NODES.numberNode(2.5),
            NODES.numberNode(2_147_483_648L),
            NODES.numberNode(-2_147_483_649L),
            NODES.numberNode(new BigInteger("99999999999999999999")),
            NODES.numberNode(1e308),
            NODES.numberNode(-1e308),
            NODES.numberNode(Double.MIN_VALUE),
            NODES.arrayNode(),
            NODES.arrayNode().add(NODES.nullNode()),
            NODES.objectNode(),
            NODES.objectNode().put(UNKNOWN, 1));

    /** A path into the JSON tree: field names (String) and list indices (Integer). */
    private record Case(List<Object> path, JsonNode value, boolean unknownField) {
        /** The field the message must name: the unknown field, else the last field name on the path. */
        String field() {
            if (unknownField) {
                return UNKNOWN;
            }
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            throw new IllegalStateException("no field on " + path);
        }

        @Override
        public String toString() {
            return path + (unknownField ? " + unknown field" : " := " + value);
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"quick", "stress"})
    void everyMutatedConfigIsAcceptedOrRefusedWithOneLineNamingTheField(String profile) throws Exception {
        RunConfig base = ConfigLoader.load(profile, null, List.of("output=" + dir.resolve("out")));
        JsonNode resolved = JSON.readTree(ConfigLoader.toJson(base));
        List<List<Object>> paths = new ArrayList<>();
        List<List<Object>> objects = new ArrayList<>();
        walk(resolved, new ArrayList<>(), paths, objects);

        SplittableRandom rng = new SplittableRandom(SEED);
        List<Case> cases = new ArrayList<>();
        for (List<Object> p : paths) {
            cases.add(new Case(p, NODES.nullNode(), false));
            List<JsonNode> pool = new ArrayList<>(VALUES);
            for (int k = 0; k < VALUES_PER_PATH; k++) {
                cases.add(new Case(p, pool.remove(rng.nextInt(pool.size())), false));
            }
        }
        for (List<Object> p : objects) {
            cases.add(new Case(p, NODES.numberNode(1), true));
        }

        int accepted = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        Path file = dir.resolve("mutated.json");
        for (Case c : cases) {
            JsonNode mutated = apply(resolved, c);
            Files.writeString(file, JSON.writeValueAsString(mutated));
            MainTest.Result r = MainTest.execute("--config", file.toString(), "--dry-run");
            if (r.code() == 0) {
                accepted++;
                Path printed = dir.resolve("printed.json");
                Files.writeString(printed, r.out());
                RunConfig direct = ConfigLoader.load(null, file, List.of());
                if (!direct.equals(ConfigLoader.load(null, printed, List.of()))) {
                    failures.add(c + ": accepted, but the printed configuration does not load back to it");
                }
            } else if (r.code() == 2) {
                refused++;
                List<String> lines = r.err().lines().toList();
                String line = lines.isEmpty() ? "" : lines.get(0);
                if (lines.size() != 1 || !line.startsWith("error: ")) {
                    failures.add(c + ": not one 'error: ' line: " + r.err());
                } else if (FORBIDDEN.stream().anyMatch(line::contains)) {
                    failures.add(c + ": names a Java exception: " + line);
                } else if (!line.contains(c.field())) {
                    failures.add(c + ": does not name '" + c.field() + "': " + line);
                }
                if (!r.out().isEmpty()) {
                    failures.add(c + ": refused but printed " + r.out());
                }
            } else {
                failures.add(c + ": exit code " + r.code() + ": " + r.err().lines().findFirst().orElse(""));
            }
        }
        System.out.printf(Locale.ROOT, "ConfigMutationTest (" + profile + "): %d paths, %d objects, %d cases: %d accepted, %d refused, %d failures%n",
                paths.size(), objects.size(), cases.size(), accepted, refused, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n"
                + String.join("\n", failures));
        assertEquals(cases.size(), accepted + refused);
        assertTrue(cases.size() >= 300, "a few hundred cases, got " + cases.size());
        // both outcomes occur, or the property would be vacuous
        assertTrue(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    /** Collects every field path and list element (paths) and every object (objects, root included). */
    private static void walk(JsonNode node, List<Object> at, List<List<Object>> paths, List<List<Object>> objects) {
        if (node.isObject()) {
            objects.add(List.copyOf(at));
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                List<Object> next = new ArrayList<>(at);
                next.add(f.getKey());
                paths.add(List.copyOf(next));
                walk(f.getValue(), next, paths, objects);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                paths.add(List.copyOf(next));
                walk(node.get(i), next, paths, objects);
            }
        }
    }

    /** A copy of {@code root} with the case's mutation applied. */
    private static JsonNode apply(JsonNode root, Case c) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        List<Object> path = c.path();
        int last = c.unknownField() ? path.size() : path.size() - 1;
        for (int i = 0; i < last; i++) {
            parent = path.get(i) instanceof String s ? parent.get(s) : parent.get((Integer) path.get(i));
        }
        if (c.unknownField()) {
            ((ObjectNode) parent).set(UNKNOWN, c.value());
        } else if (path.get(last) instanceof String s) {
            ((ObjectNode) parent).set(s, c.value());
        } else {
            ((ArrayNode) parent).set((Integer) path.get(last), c.value());
        }
        return copy;
    }
}
