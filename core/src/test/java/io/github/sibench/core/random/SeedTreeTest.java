package io.github.sibench.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedTreeTest {

    @Test
    void childrenAreDeterministicAndDistinct() {
        SeedTree root = SeedTree.root(42);
        assertEquals(root.child("train"), SeedTree.root(42).child("train"));
        assertEquals(root.child(7), SeedTree.root(42).child(7));
        Set<Long> seeds = new HashSet<>();
        for (String name : new String[] {"train", "init", "generate", "classes", "label-mask", "noise"}) {
            seeds.add(root.child(name).seed());
        }
        for (long i = 0; i < 1000; i++) {
            seeds.add(root.child(i).seed());
            seeds.add(SeedTree.root(43).child(i).seed());
        }
        assertEquals(6 + 2000, seeds.size(), "every child of two roots has its own seed");
        assertNotEquals(root.child("a").child("b"), root.child("b").child("a"));
    }

    /** The first draws of neighbouring children are uncorrelated: |r| within 5 standard errors of 0. */
    @Test
    void neighbouringChildrenGiveUncorrelatedStreams() {
        int n = 20_000;
        double sxy = 0;
        SeedTree root = SeedTree.root(1);
        for (int i = 0; i < n; i++) {
            sxy += root.child(i).rng().nextGaussian() * root.child(i + 1).rng().nextGaussian();
        }
        assertTrue(Math.abs(sxy / n) < 5 / Math.sqrt(n), "correlation " + sxy / n);
    }

    @Test
    void engineSeedIsANonNegativeInt() {
        for (long i = -500; i < 500; i++) {
            assertTrue(SeedTree.root(i).engineSeed() >= 0);
        }
    }

    /** A draw depends on its node and index only, not on what the engine drew before it. */
    @Test
    void noiseIgnoresEarlierEngineDraws() {
        try (NDManager m = NDManager.newBaseManager()) {
            Noise a = new Noise(SeedTree.root(5));
            float[] first = a.normal(m, new Shape(100)).toFloatArray();
            float[] second = a.normal(m, new Shape(100)).toFloatArray();
            Engine.getInstance().setRandomSeed(999);
            m.randomNormal(new Shape(1000));
            Noise b = new Noise(SeedTree.root(5));
            assertArrayEquals(first, b.normal(m, new Shape(100)).toFloatArray());
            m.randomUniform(0, 1, new Shape(77));
            assertArrayEquals(second, b.normal(m, new Shape(100)).toFloatArray());
            assertNotEquals(first[0], second[0]);
        }
    }

    /** Mean 0 and variance 1 within 5 standard errors of n = 100,000 draws. */
    @Test
    void noiseIsStandardNormal() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 100_000;
            float[] x = new Noise(SeedTree.root(3)).normal(m, new Shape(n)).toFloatArray();
            double mean = 0;
            double sq = 0;
            for (float v : x) {
                mean += v / (double) n;
                sq += v * (double) v / n;
            }
            assertEquals(0, mean, 5 / Math.sqrt(n));
            assertEquals(1, sq - mean * mean, 5 * Math.sqrt(2.0 / n));
        }
    }
}
