package io.github.sibench.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A node of a run's seed tree: every random draw of a run comes from a node derived from the run's seed
 * by naming, never from shared generator state, so a draw does not depend on what was drawn before it
 * (the order of models in a suite, the number of samplers run before, ...).
 *
 * <p>A child's seed is {@code mix64(seed + GOLDEN * (1 + mix64(key)))} with {@code key} the child's index
 * or the 64-bit FNV-1a hash of its name, and {@code mix64} the SplitMix64 finaliser (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", 2014). Children with different names or
 * indices get statistically independent streams.
 *
 * @param seed the node's seed
 */
public record SeedTree(long seed) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The root of a run with seed {@code seed}. */
    public static SeedTree root(long seed) {
        return new SeedTree(seed);
    }

    /** The child called {@code name} (e.g. {@code "train"}, {@code "init"}). */
    public SeedTree child(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return derive(h);
    }

    /** The child with index {@code index} (e.g. a training step, a draw number). */
    public SeedTree child(long index) {
        return derive(~index);
    }

    private SeedTree derive(long key) {
        return new SeedTree(mix64(seed + GOLDEN * (1 + mix64(key))));
    }

    /** A fresh Java generator seeded with this node (each call starts the same stream). */
    public SplittableRandom rng() {
        return new SplittableRandom(seed);
    }

    /** This node's seed folded into the non-negative int range that {@code Engine.setRandomSeed} takes. */
    public int engineSeed() {
        return (int) Math.floorMod(mix64(seed ^ GOLDEN), (long) Integer.MAX_VALUE);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
