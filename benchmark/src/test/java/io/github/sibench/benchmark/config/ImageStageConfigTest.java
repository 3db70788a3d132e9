package io.github.sibench.benchmark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.images.InceptionFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image stage's {@code inception} field: optional, checked when the config loads, one-line errors. */
class ImageStageConfigTest {

    @TempDir
    Path dir;

    /** The stress profile (it has an image stage) with its data pointed at an existing folder. */
    private RunConfig load(String... overrides) {
        List<String> o = new ArrayList<>(List.of("output=" + dir.resolve("out"), "images.dataset.format=folder",
                "images.dataset.path=" + dir));
        o.addAll(List.of(overrides));
        return ConfigLoader.load("stress", null, o);
    }

    private String error(String... overrides) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(overrides));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("images.inception"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void absentMeansOffAndStaysNullThroughTheWrittenConfig() throws Exception {
        RunConfig c = load();
        assertNull(c.images().inception());
        Path written = Files.writeString(dir.resolve("config.json"), ConfigLoader.toJson(c));
        assertNull(ConfigLoader.load(null, written, List.of()).images().inception());
    }

    @Test
    void anExistingFileIsKeptAndRoundTrips() throws Exception {
        Path file = Files.write(dir.resolve("inception-2015-12-05.pt"), new byte[] {1, 2, 3});
        RunConfig c = load("images.inception=" + file);
        assertEquals(file.toString(), c.images().inception());
        Path written = Files.writeString(dir.resolve("config.json"), ConfigLoader.toJson(c));
        assertEquals(c, ConfigLoader.load(null, written, List.of()));
    }

    @Test
    void missingFileIsRefusedWhenTheConfigLoads() {
        Path missing = dir.resolve("inception-2015-12-05.pt");
        assertEquals("images.inception: no file at " + missing + "; download inception-2015-12-05.pt from "
                + InceptionFeatures.OFFICIAL_URL + " or remove the field", error("images.inception=" + missing));
        assertTrue(error("images.inception=" + dir).contains("is a folder"));
    }

    @Test
    void blankInvalidOrMistypedValuesAreRefused() {
        assertTrue(error("images.inception=\"\"").contains("images.inception is blank"));
        assertTrue(error("images.inception=\"   \"").contains("images.inception is blank"));
        assertTrue(error("images.inception=\"a\\u0000b\"").contains("is not a valid path here"));
        assertTrue(error("images.inception=[1]").contains("expected a string"));
    }
}
