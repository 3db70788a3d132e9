package io.github.sibench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.datasets.plane.Density2D;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Toy2DRegistryTest {

    @Test
    void byNameFindsEveryEntryIgnoringCase() {
        for (Toy2DRegistry entry : Toy2DRegistry.values()) {
            assertSame(entry, Toy2DRegistry.byName(entry.id()));
            assertSame(entry, Toy2DRegistry.byName(entry.id().toUpperCase()));
        }
    }

    @Test
    void unknownNameListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Toy2DRegistry.byName("swiss_roll"));
        assertEquals("unknown 2D dataset 'swiss_roll'; known: seed-toy, eight-gaussians, two-moons, checkerboard, two-spirals",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Toy2DRegistry.class)
    void samplesAreWellFormed(Toy2DRegistry entry) {
        Toy2D toy = entry.toy();
        assertEquals(entry.id(), toy.name());
        Points p = toy.sample(2000, new SplittableRandom(1));
        assertEquals(2000, p.size());
        assertTrue(Arrays.stream(p.xy()).allMatch(Double::isFinite));
        assertTrue(Arrays.stream(p.labels()).allMatch(l -> l >= 0 && l < toy.numClasses()));
        assertTrue(Arrays.stream(p.components()).allMatch(c -> c >= 0 && c < toy.numComponents()));
        assertEquals(toy.numClasses(), Arrays.stream(p.labels()).distinct().count(), "every class is sampled");
    }

    @ParameterizedTest
    @EnumSource(Toy2DRegistry.class)
    void sameSeedSameDataDifferentSeedDifferentData(Toy2DRegistry entry) {
        Toy2D toy = entry.toy();
        Points a = toy.sample(500, new SplittableRandom(42));
        Points b = toy.sample(500, new SplittableRandom(42));
        Points c = toy.sample(500, new SplittableRandom(43));
        assertArrayEquals(a.xy(), b.xy());
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.components(), b.components());
        assertFalse(Arrays.equals(a.xy(), c.xy()));
    }

    @ParameterizedTest
    @EnumSource(Toy2DRegistry.class)
    void sampleMomentsConvergeToExactOnes(Toy2DRegistry entry) {
        Toy2D toy = entry.toy();
        toy.moments().ifPresent(m -> SampleStatistics.assertMomentsMatch(
                toy.sample(200_000, new SplittableRandom(7)).xy(), m, toy.name()));
    }

    @ParameterizedTest
    @EnumSource(Toy2DRegistry.class)
    void samplesLieInTheSupportOfTheDensity(Toy2DRegistry entry) {
        Toy2D toy = entry.toy();
        if (toy.density().isPresent()) {
            Density2D density = toy.density().get();
            double[] logp = density.logDensity(toy.sample(2000, new SplittableRandom(3)).xy());
            assertTrue(Arrays.stream(logp).allMatch(Double::isFinite), toy.name());
        }
    }

    @Test
    void theSeedToyAndTheClassicToysAreRegistered() {
        assertEquals(5, Toy2DRegistry.values().length);
        assertTrue(Toy2DRegistry.SEED_TOY.toy().density().isPresent());
        assertTrue(Toy2DRegistry.EIGHT_GAUSSIANS.toy().density().isPresent());
        assertTrue(Toy2DRegistry.CHECKERBOARD.toy().density().isPresent());
        assertTrue(Toy2DRegistry.TWO_MOONS.toy().density().isEmpty());
        assertTrue(Toy2DRegistry.TWO_SPIRALS.toy().density().isEmpty());
    }
}
