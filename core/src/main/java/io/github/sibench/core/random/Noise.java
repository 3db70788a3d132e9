package io.github.sibench.core.random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Standard normal NDArrays drawn from a {@link SeedTree} node: draw k reseeds the engine's generator with
 * child k of the node, then draws. The result depends only on the node and k, never on what the engine
 * drew before (other models, other samplers, parameter initialisation). Not thread-safe; one per run.
 */
public final class Noise {

    private final SeedTree node;
    private long draws;

    public Noise(SeedTree node) {
        this.node = node;
    }

    /** N(0, I) of {@code shape} and {@code type} on {@code manager}. */
    public NDArray normal(NDManager manager, Shape shape, DataType type) {
        manager.getEngine().setRandomSeed(node.child(draws++).engineSeed());
        return manager.randomNormal(0, 1, shape, type);
    }

    /** N(0, I) float32 of {@code shape} on {@code manager}. */
    public NDArray normal(NDManager manager, Shape shape) {
        return normal(manager, shape, DataType.FLOAT32);
    }

    /** N(0, I) with the shape, type and manager of {@code like}. */
    public NDArray normalLike(NDArray like) {
        return normal(like.getManager(), like.getShape(), like.getDataType());
    }
}
