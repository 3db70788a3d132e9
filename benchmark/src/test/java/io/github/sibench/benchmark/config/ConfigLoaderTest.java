package io.github.sibench.benchmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.ModelRegistry;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerOptions;
import io.github.sibench.models.sampling.SamplerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static RunConfig quick(String... overrides) {
        return ConfigLoader.load("quick", null, List.of(overrides));
    }

    private Path file(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    /** The error of loading with these overrides: a one-line ConfigException. */
    private static String error(Path file, String... overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load("quick", file, List.of(overrides)));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
        }
    }

    private static ModelEntry entry(RunConfig c, String name) {
        return c.models().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from " + c.models()));
    }

    @Test
    void quickProfileLoadsAndValidates() {
        RunConfig c = ConfigLoader.load(null, null, List.of());
        assertEquals("quick", c.profile());
        assertEquals(c, quick());
        assertEquals("seed-toy", c.dataset().name());
        assertEquals(64, c.dataset().ambientDim());
        assertEquals(1000, c.dataset().nTrain());
        assertTrue(c.models().stream().map(ModelEntry::name).toList()
                .containsAll(List.of("flow-matching", "stochastic-interpolant")), c.models().toString());
        // every model's settings are resolved over its defaults, so config.json lists every setting
        ModelEntry fm = entry(c, "flow-matching");
        assertTrue(fm.config().has("tMin") && fm.config().has("tMax"), fm.toString());
        ModelEntry si = entry(c, "stochastic-interpolant");
        assertTrue(si.config().has("a") && si.config().has("tMin") && si.config().has("tMax"), si.toString());
        // guided classes are drawn with the true weights unless the seed's uniform draw is asked for
        assertEquals(ClassDraw.WEIGHTS, c.guidance().classDraw());
        RunConfig uniform = quick("guidance.classDraw=uniform");
        assertEquals(ClassDraw.UNIFORM, uniform.guidance().classDraw());
        assertTrue(ConfigLoader.toJson(uniform).contains("\"classDraw\" : \"uniform\""), ConfigLoader.toJson(uniform));
    }

    @Test
    void paperProfileHasTheSeedsScale() {
        RunConfig c = ConfigLoader.load("paper", null, List.of());
        assertEquals("paper", c.profile());
        assertEquals(56 * 56 * 3, c.dataset().ambientDim());
        assertEquals(1000, c.dataset().nTrain());
        assertEquals(512, ((io.github.sibench.models.backbone.BackboneConfig) c.backbone()).hidden());
        assertFalse(c.models().isEmpty());
        assertTrue(ConfigLoader.PROFILES.containsAll(List.of("quick", "paper")));
    }

    @Test
    void overridesChangeNestedFieldsAndParseJsonValues() {
        RunConfig c = quick("training.steps=500", "seeds=[0,1,2]", "dataset.ambientDim=16", "training.learningRate=3e-4",
                "evaluation.writeSamples=false", "output=/tmp/some where", "dataset.name=two-moons",
                "models=[{\"name\":\"flow-matching\",\"config\":{\"tMax\":0.5},\"samplers\":[{\"name\":\"heun\",\"steps\":7}]}]");
        assertEquals(500, c.training().steps());
        assertEquals(List.of(0L, 1L, 2L), c.seeds());
        assertEquals(16, c.dataset().ambientDim());
        assertEquals(3e-4, c.training().learningRate());
        assertFalse(c.evaluation().writeSamples());
        assertEquals("/tmp/some where", c.output());
        assertEquals("two-moons", c.dataset().name());
        assertEquals(1, c.models().size());
        assertEquals(0.5, c.models().get(0).config().get("tMax").asDouble());
        assertEquals(0.0, c.models().get(0).config().get("tMin").asDouble(), "defaults fill what the override omits");
        assertEquals(List.of(SamplerSpec.of("heun", 7)), c.models().get(0).samplers());
        // untouched fields keep the profile's values
        assertEquals(quick().training().batchSize(), c.training().batchSize());
        assertEquals(quick().backbone(), c.backbone());
    }

    @Test
    void overrideValueThatIsNotOneJsonValueIsAString() {
        // "3 seeds" starts with a JSON number but is not one: it must stay the text the user typed
        assertEquals("3 seeds", quick("output=3 seeds").output());
        assertEquals("runs/x", quick("output=runs/x").output());
    }

    /** Lists whose quotes were stripped on the way (exec:exec's argument splitting) still read as lists. */
    @Test
    void unquotedListsReadAsListsOfValues() {
        RunConfig c = quick("settings=[unsup,cfg]", "seeds=[3, 4]");
        assertEquals(List.of(Setting.UNSUP, Setting.CFG), c.settings());
        assertEquals(List.of(3L, 4L), c.seeds());
        ConfigException e = assertThrows(ConfigException.class, () -> quick("settings=[unsup,nope]"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void userFileMergesOverTheProfile() throws Exception {
        Path f = file("user.json", """
                {"training": {"steps": 300},
                 "dataset": {"ambientDim": 32},
                 "seeds": [5, 6],
                 "models": [{"name": "stochastic-interpolant", "config": {"a": 2.0},
                             "samplers": [{"name": "em", "steps": 20, "eps": 0.5}]}]}
                """);
        RunConfig c = ConfigLoader.load(null, f, List.of("training.batchSize=64"));
        assertEquals("quick", c.profile());
        assertEquals(300, c.training().steps());
        assertEquals(64, c.training().batchSize(), "overrides apply after the file");
        assertEquals(quick().training().learningRate(), c.training().learningRate(), "objects merge field by field");
        assertEquals(32, c.dataset().ambientDim());
        assertEquals("seed-toy", c.dataset().name());
        assertEquals(List.of(5L, 6L), c.seeds());
        assertEquals(1, c.models().size(), "lists replace");
        assertEquals(2.0, c.models().get(0).config().get("a").asDouble());
        assertEquals(List.of(new SamplerSpec.Em(20, 0.5)), c.models().get(0).samplers());
        // a file may name its profile; an explicit profile wins over it
        Path paper = file("paper.json", "{\"profile\": \"paper\", \"seeds\": [3]}");
        assertEquals(9408, ConfigLoader.load(null, paper, List.of()).dataset().ambientDim());
        assertEquals(64, ConfigLoader.load("quick", paper, List.of()).dataset().ambientDim());
    }

    @Test
    void resolvedConfigRoundTripsThroughJson() throws Exception {
        for (String profile : ConfigLoader.PROFILES) {
            RunConfig c = ConfigLoader.load(profile, null, List.of("seeds=[4,2]", "output=" + dir.resolve(profile)));
            Path f = file(profile + "-resolved.json", ConfigLoader.toJson(c));
            assertEquals(c, ConfigLoader.load(null, f, List.of()), profile);
        }
        RunConfig custom = quick("models=[{\"name\":\"diffusion-edm\",\"config\":{\"sigmaMax\":40},"
                + "\"samplers\":[{\"name\":\"dopri5\",\"tolerance\":0.001},{\"name\":\"edm-sde\",\"churn\":3,"
                + "\"sNoise\":1.0}]}]");
        assertEquals(custom, ConfigLoader.load(null, file("custom.json", ConfigLoader.toJson(custom)), List.of()));
    }

    /** The written config lists every option of every sampler, so what ran is on record. */
    @Test
    void writtenConfigListsEverySamplerOption() throws Exception {
        JsonNode written = new ObjectMapper().readTree(ConfigLoader.toJson(quick()));
        int samplers = 0;
        for (JsonNode model : written.get("models")) {
            for (JsonNode sampler : model.get("samplers")) {
                SamplerSpec spec = SamplerKind.byName(sampler.get("name").asText()).defaults();
                List<String> fields = new ArrayList<>();
                sampler.fieldNames().forEachRemaining(fields::add);
                List<String> expected = new ArrayList<>(List.of("name"));
                expected.addAll(SamplerOptions.values(spec).keySet());
                assertEquals(expected, fields, sampler.toString());
                samplers++;
            }
        }
        assertEquals(quick().models().stream().mapToInt(m -> m.samplers().size()).sum(), samplers);
        JsonNode sde = written.get("models").get(2).get("samplers").get(1);
        assertEquals("edm-sde", sde.get("name").asText());
        assertEquals(0.05, sde.get("sTmin").asDouble());
        assertEquals(50.0, sde.get("sTmax").asDouble());
        assertEquals(1.003, sde.get("sNoise").asDouble());
    }

    /** Each registered model declares its samplers; the ones the issue names, exactly. */
    @Test
    void everyModelDeclaresItsSamplers() {
        Map<String, List<String>> expected = Map.of(
                "flow-matching", List.of("euler", "heun", "rk4", "dopri5"),
                "stochastic-interpolant", List.of("euler", "heun", "rk4", "dopri5", "em"),
                "diffusion-vp", List.of("euler", "heun", "rk4", "dopri5", "em"),
                "diffusion-edm", List.of("euler", "heun", "rk4", "dopri5", "edm-heun", "edm-sde"),
                "vae", List.of("ancestral"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertEquals(e.getValue(), samplers(ModelRegistry.byName(e.getKey())), e.getKey());
        }
        // and the profiles only name samplers their models support (they load)
        for (String profile : ConfigLoader.PROFILES) {
            for (ModelEntry m : ConfigLoader.load(profile, null, List.of()).models()) {
                for (SamplerSpec s : m.samplers()) {
                    assertTrue(expected.get(m.name()).contains(s.name()), profile + " " + m.label() + " " + s.name());
                }
            }
        }
    }

    private static <C extends Record> List<String> samplers(ModelFactory<C> f) {
        return f.samplers(f.defaultConfig()).stream().map(SamplerKind::configName).toList();
    }

    static Stream<Arguments> unsupportedSamplers() {
        return Stream.of(
                Arguments.of("{\"name\":\"vae\",\"label\":\"vae-normal\",\"config\":{\"prior\":\"normal\"},"
                        + "\"samplers\":[{\"name\":\"heun\",\"steps\":25}]}",
                        "models[vae-normal].samplers[0]: sampler 'heun' is not supported by model vae; "
                                + "valid samplers: [ancestral]"),
                Arguments.of("{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"},{\"name\":\"edm-heun\"}]}",
                        "models[flow-matching].samplers[1]: sampler 'edm-heun' is not supported by model flow-matching; "
                                + "valid samplers: [euler, heun, rk4, dopri5]"),
                Arguments.of("{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"em\"}]}",
                        "models[flow-matching].samplers[0]: sampler 'em' is not supported by model flow-matching; "
                                + "valid samplers: [euler, heun, rk4, dopri5]"),
                Arguments.of("{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"em\"}]}",
                        "models[diffusion-edm].samplers[0]: sampler 'em' is not supported by model diffusion-edm; "
                                + "valid samplers: [euler, heun, rk4, dopri5, edm-heun, edm-sde]"),
                Arguments.of("{\"name\":\"diffusion-vp\",\"samplers\":[{\"name\":\"ancestral\"}]}",
                        "models[diffusion-vp].samplers[0]: sampler 'ancestral' is not supported by model diffusion-vp; "
                                + "valid samplers: [euler, heun, rk4, dopri5, em]"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedSamplers")
    void unsupportedSamplerIsRefusedAtLoad(String model, String message) {
        assertEquals(message, error(null, "models=[" + model + "]"));
    }

    @Test
    void deviceMustBeOneTheEngineHas() {
        assertEquals("cpu", quick("device=cpu").device());
        assertContains(error(null, "device=-1.0E308"), "device", "-1.0E308", "cpu");
        assertContains(error(null, "device=tpu"), "device", "tpu", "cpu");
        assertContains(error(null, "device=gpu-1"), "device", "gpu-1");
        int gpus = Engine.getInstance().getGpuCount();
        assertContains(error(null, "device=gpu" + gpus), "device", "gpu" + gpus, "not available");
        if (gpus == 0) {
            assertContains(error(null, "device=gpu0"), "device: 'gpu0' is not available here; use one of [cpu]");
        }
    }

    @Test
    void outputThatIsAFileIsRefused() throws Exception {
        Path f = file("taken", "x");
        assertContains(error(null, "output=" + f), "output", f.toString(), "not a directory");
        assertContains(error(null, "output=a\u0000b"), "output", "not a valid path");
    }

    static Stream<Arguments> badModelEntries() {
        return Stream.of(
                Arguments.of("null sampler entry",
                        "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"},null]}]",
                        List.of("models[0].samplers[1]", "null", "euler")),
                Arguments.of("null model entry", "[null]", List.of("models[0]", "null")),
                Arguments.of("sampler option it lacks",
                        "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"heun\",\"eps\":1}]}]",
                        List.of("models[0].samplers[0]", "sampler heun has no field 'eps'", "steps")),
                Arguments.of("sampler option null",
                        "[{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-sde\",\"sNoise\":null}]}]",
                        List.of("models[0].samplers[0]", "sNoise", "1.003")),
                Arguments.of("EDM option out of range",
                        "[{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-sde\",\"sTmin\":10,\"sTmax\":1}]}]",
                        List.of("models[0].samplers[0]", "sTmax")),
                Arguments.of("two samplers with one label",
                        "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"heun\",\"steps\":5},"
                                + "{\"name\":\"euler\"},{\"name\":\"heun\",\"steps\":5}]}]",
                        List.of("models[flow-matching].samplers[2]", "heun-5", "samplers[0]")),
                Arguments.of("label naming a directory",
                        "[{\"name\":\"flow-matching\",\"label\":\"a/b\",\"samplers\":[{\"name\":\"euler\"}]}]",
                        List.of("models[a/b].label", "files")),
                Arguments.of("unknown model names the entry",
                        "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"}]},"
                                + "{\"name\":\"nope\",\"samplers\":[{\"name\":\"euler\"}]}]",
                        List.of("models[1].name", "nope", "flow-matching")),
                Arguments.of("model config that is not an object",
                        "[{\"name\":\"vae\",\"label\":\"v\",\"config\":5,\"samplers\":[{\"name\":\"ancestral\"}]}]",
                        List.of("models[v].config", "object")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badModelEntries")
    void badModelEntriesNameTheEntryAndField(String what, String models, List<String> mentions) {
        String message = error(null, "models=" + models);
        assertContains(message, mentions.toArray(new String[0]));
        assertFalse(message.contains("Exception") || message.contains("java.") || message.contains("Cannot construct"),
                message);
    }

    static Stream<Arguments> badOverrides() {
        return Stream.of(
                Arguments.of("unknown field", List.of("training.stepz=5"), List.of("training.stepz", "steps")),
                Arguments.of("wrong type", List.of("training.steps=many"), List.of("training.steps", "many")),
                Arguments.of("fraction for an integer", List.of("training.batchSize=12.5"), List.of("training.batchSize")),
                Arguments.of("wrong type, boolean", List.of("evaluation.writeSamples=yes"), List.of("evaluation.writeSamples")),
                Arguments.of("wrong type, list", List.of("seeds=abc"), List.of("seeds")),
                Arguments.of("null for a number", List.of("dataset.ambientDim=null"), List.of("dataset.ambientDim")),
                Arguments.of("negative steps", List.of("training.steps=-5"), List.of("training", "steps", "-5")),
                Arguments.of("ambient dimension", List.of("dataset.ambientDim=1"), List.of("dataset.ambientDim")),
                Arguments.of("duplicate seeds", List.of("seeds=[1,1]"), List.of("seeds")),
                Arguments.of("null seed", List.of("seeds=[1,null]"), List.of("seeds")),
                Arguments.of("seed out of range", List.of("seeds=[9223372036854775808]"), List.of("seeds")),
                Arguments.of("int out of range", List.of("training.steps=2147483648"), List.of("training.steps", "range")),
                Arguments.of("list for a number", List.of("training.steps=[1]"), List.of("training.steps", "an integer",
                        "a list")),
                Arguments.of("object for a list", List.of("seeds={}"), List.of("seeds", "a list", "an object")),
                Arguments.of("too many threads", List.of("threads=5000"), List.of("threads", "1024")),
                Arguments.of("negative sampling threads", List.of("samplingThreads=-1"), List.of("samplingThreads",
                        "same as threads")),
                Arguments.of("arrays too large", List.of("dataset.ambientDim=1073741824"),
                        List.of("dataset.nTrain x dataset.ambientDim", "2^31")),
                Arguments.of("network too large", List.of("backbone.hidden=100000"),
                        List.of("backbone.hidden x 4 backbone.hidden")),
                Arguments.of("missing output", List.of("output="), List.of("output")),
                Arguments.of("unknown dataset", List.of("dataset.name=no-such-toy"), List.of("dataset.name", "no-such-toy",
                        "seed-toy")),
                Arguments.of("unknown model", List.of("models=[{\"name\":\"nope\",\"samplers\":[{\"name\":\"euler\"}]}]"),
                        List.of("models", "nope", "flow-matching")),
                Arguments.of("unknown sampler",
                        List.of("models=[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"eulr\"}]}]"),
                        List.of("models[0].samplers[0]", "eulr", "euler")),
                Arguments.of("invalid sampler setting",
                        List.of("models=[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":0}]}]"),
                        List.of("models[0].samplers[0]", "steps")),
                Arguments.of("no samplers", List.of("models=[{\"name\":\"flow-matching\",\"samplers\":[]}]"),
                        List.of("samplers")),
                Arguments.of("unknown model setting",
                        List.of("models=[{\"name\":\"flow-matching\",\"config\":{\"tmin\":0},\"samplers\":[{\"name\":\"euler\"}]}]"),
                        List.of("models[flow-matching].config", "tmin", "tMin")),
                Arguments.of("invalid model setting",
                        List.of("models=[{\"name\":\"flow-matching\",\"config\":{\"tMin\":2},\"samplers\":[{\"name\":\"euler\"}]}]"),
                        List.of("models[flow-matching].config", "tMin")),
                Arguments.of("override without value", List.of("training.steps"), List.of("training.steps")),
                Arguments.of("override into a non-object", List.of("seeds.x=1"), List.of("seeds")),
                Arguments.of("unknown class draw", List.of("guidance.classDraw=often"),
                        List.of("guidance.classDraw", "often", "weights", "uniform")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOverrides")
    void everyErrorIsOneLineNamingTheField(String what, List<String> overrides, List<String> mentions) {
        String message = error(null, overrides.toArray(new String[0]));
        assertContains(message, mentions.toArray(new String[0]));
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load("huge", null, List.of()));
        assertContains(e.getMessage(), "huge", "quick", "paper");
    }

    @Test
    void malformedFileNamesLineAndColumn() throws Exception {
        Path f = file("bad.json", "{\n  \"training\": {\"steps\": 10,}\n}\n");
        String message = error(f);
        assertContains(message, f.toString(), "line 2", "column");
    }

    @Test
    void fileWithTrailingGarbageIsMalformed() throws Exception {
        Path f = file("trailing.json", "{\"seeds\": [1]}\n}\n");
        assertContains(error(f), f.toString(), "line 2");
    }

    @Test
    void fileErrorsNameTheFileAndTheField() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertContains(error(missing), missing.toString(), "does not exist");
        Path array = file("array.json", "[1, 2]");
        assertContains(error(array), array.toString(), "object");
        Path unknown = file("unknown.json", "{\"evaluation\": {\"nSample\": 10}}");
        assertContains(error(unknown), "evaluation.nSample", "nSamples");
        Path wrongType = file("wrong.json", "{\"dataset\": {\"nTrain\": \"many\"}}");
        assertContains(error(wrongType), "dataset.nTrain");
    }
}
