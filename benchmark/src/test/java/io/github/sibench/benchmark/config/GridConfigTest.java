package io.github.sibench.benchmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.models.sampling.SamplerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GridConfigTest {

    private static final List<SamplerSpec> SI = List.of(new SamplerSpec.Heun(25), new SamplerSpec.Em(100, 0.5),
            SamplerSpec.Dopri5.DEFAULTS);

    @Test
    void stepsVaryEveryFixedStepSamplerAndEpsOnlyEulerMaruyama() {
        assertEquals(List.of(new SamplerSpec.Heun(10), new SamplerSpec.Em(10, 0.5)), GridParameter.STEPS.samplers(SI, 10));
        assertEquals(List.of(new SamplerSpec.Em(100, 2.0)), GridParameter.EPS.samplers(SI, 2));
        assertEquals(List.of(SI.get(0)), GridParameter.N_TRAIN.samplers(SI, 100));
        assertEquals(List.of(SI.get(0)), GridParameter.GUIDANCE_WEIGHT.samplers(SI, 4));
        assertEquals(List.of(), GridParameter.EPS.samplers(List.of(new SamplerSpec.Heun(25)), 1));
        // two samplers that meet at a grid value are sampled once
        assertEquals(List.of(new SamplerSpec.Heun(1)),
                GridParameter.STEPS.samplers(List.of(new SamplerSpec.Heun(25), new SamplerSpec.Heun(50)), 1));
    }

    @Test
    void onlyTrainingSetSizeTrainsAgainAndGuidanceNeedsLabels() {
        for (GridParameter p : GridParameter.values()) {
            assertEquals(p == GridParameter.N_TRAIN, p.retrains(), p.configName());
            assertEquals(p != GridParameter.GUIDANCE_WEIGHT, p.runsIn(Setting.UNSUP), p.configName());
            assertTrue(p.runsIn(Setting.CFG) && p.runsIn(Setting.SEMI));
            assertEquals(p, GridParameter.byName(p.configName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridParameter.byName("lr"));
        assertTrue(e.getMessage().contains("nTrain"), e.getMessage());
    }

    @Test
    void defaultsCoverEveryModelAndEverySettingItFits() {
        GridConfig g = new GridConfig("w", GridParameter.GUIDANCE_WEIGHT, List.of(0.0, 4.0), null, null);
        assertTrue(g.runs("anything"));
        assertFalse(g.runsIn(Setting.UNSUP));
        assertTrue(g.runsIn(Setting.CFG));
        GridConfig some = new GridConfig("s", GridParameter.STEPS, List.of(1.0), List.of("a"), List.of(Setting.CFG));
        assertTrue(some.runs("a"));
        assertFalse(some.runs("b"));
        assertFalse(some.runsIn(Setting.UNSUP));
    }

    @Test
    void valuesAreWrittenWithoutATrailingZero() {
        assertEquals("100", GridConfig.format(100));
        assertEquals("0.25", GridConfig.format(0.25));
        assertEquals("0", GridConfig.format(0));
    }

    static Stream<Arguments> badGrids() {
        return Stream.of(
                Arguments.of("a/b", GridParameter.STEPS, List.of(1.0), List.of(), "name"),
                Arguments.of("g", null, List.of(1.0), List.of(), "vary"),
                Arguments.of("g", GridParameter.STEPS, List.of(), List.of(), "values"),
                Arguments.of("g", GridParameter.STEPS, List.of(1.0, 1.0), List.of(), "distinct"),
                Arguments.of("g", GridParameter.STEPS, List.of(0.0), List.of(), "[1, 100000]"),
                Arguments.of("g", GridParameter.STEPS, List.of(1.5), List.of(), "whole number"),
                Arguments.of("g", GridParameter.N_TRAIN, List.of(1.0), List.of(), ">= 2"),
                Arguments.of("g", GridParameter.EPS, List.of(-0.1), List.of(), ">= 0"),
                Arguments.of("g", GridParameter.GUIDANCE_WEIGHT, List.of(Double.NaN), List.of(), "finite"),
                Arguments.of("g", GridParameter.GUIDANCE_WEIGHT, List.of(1.0), List.of(Setting.UNSUP), "labelled"));
    }

    @ParameterizedTest
    @MethodSource("badGrids")
    void badGridsAreRefusedInOneLineNamingTheGrid(String name, GridParameter vary, List<Double> values,
            List<Setting> settings, String mention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GridConfig(name, vary, values, null, settings));
        assertTrue(e.getMessage().contains(mention) && e.getMessage().contains("grids["), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    static Stream<Arguments> badGridsInARun() {
        return Stream.of(
                Arguments.of("[{\"name\":\"a\",\"vary\":\"steps\",\"values\":[1]},{\"name\":\"a\",\"vary\":\"eps\","
                        + "\"values\":[1]}]", "distinct names"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"steps\",\"values\":[1],\"models\":[\"nope\"]}]",
                        "no model labelled 'nope'"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"eps\",\"values\":[1],\"models\":[\"flow-matching\"]}]",
                        "flow-matching has no sampler with eps"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"steps\",\"values\":[1],\"settings\":[\"semi\"]}]",
                        "semi is not among the run's settings"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"guidanceWeight\",\"values\":[1]}]", "add cfg or semi"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"eps\",\"values\":[1],\"models\":[]}]".replace("\"models\":[]",
                        "\"models\":[\"vae-mog\"]"), "vae-mog has no sampler with eps"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"steps\",\"values\":[1],\"models\":[\"vae-mog\"]}]",
                        "vae-mog has no sampler with steps"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"nTrain\",\"values\":[4000000000]}]", "nTrain"),
                Arguments.of("[{\"name\":\"a\",\"vary\":\"size\",\"values\":[1]}]", "unknown grid parameter 'size'"));
    }

    @ParameterizedTest
    @MethodSource("badGridsInARun")
    void badGridsInARunAreConfigErrors(String grids, String mention) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("quick", null, List.of("settings=[\"unsup\"]", "grids=" + grids)));
        assertTrue(e.getMessage().contains(mention), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theAblationProfileRunsTheSeedsFourGrids(@TempDir Path dir) throws Exception {
        RunConfig c = ConfigLoader.load("ablation", null, List.of());
        assertEquals(List.of("steps", "train-size", "guidance", "sde-eps"), c.grids().stream().map(GridConfig::name).toList());
        assertEquals(List.of(1.0, 10.0, 100.0, 1024.0), c.grids().get(0).values());
        assertEquals(List.of(100.0, 500.0, 1000.0), c.grids().get(1).values());
        assertEquals(List.of(0.0, 1.0, 2.0, 4.0), c.grids().get(2).values());
        Path written = dir.resolve("config.json");
        Files.writeString(written, ConfigLoader.toJson(c));
        assertEquals(c, ConfigLoader.load(null, written, List.of()), "written back as config.json, read again");
    }
}
