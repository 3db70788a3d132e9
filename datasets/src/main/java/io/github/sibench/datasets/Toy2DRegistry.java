package io.github.sibench.datasets;

import io.github.sibench.datasets.plane.Toy2D;
import io.github.sibench.datasets.toys.Checkerboard;
import io.github.sibench.datasets.toys.EightGaussians;
import io.github.sibench.datasets.toys.SeedToy;
import io.github.sibench.datasets.toys.TwoMoons;
import io.github.sibench.datasets.toys.TwoSpirals;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every 2D dataset of the suite with its default parameters, by stable name (SPEC section 4): the
 * seed toy and the classic toys of the field. {@code toy().name()} equals {@link #id()}.
 */
public enum Toy2DRegistry {
    /** The seed paper's three-cluster mixture, {@link SeedToy}. */
    SEED_TOY(SeedToy.NAME, SeedToy::mixture),
    /** {@link EightGaussians#standard()}. */
    EIGHT_GAUSSIANS(EightGaussians.NAME, EightGaussians::standard),
    /** {@link TwoMoons#standard()}. */
    TWO_MOONS(TwoMoons.NAME, TwoMoons::standard),
    /** {@link Checkerboard#standard()}. */
    CHECKERBOARD(Checkerboard.NAME, Checkerboard::standard),
    /** {@link TwoSpirals#standard()}. */
    TWO_SPIRALS(TwoSpirals.NAME, TwoSpirals::standard);

    private final String id;
    private final Supplier<Toy2D> factory;

    Toy2DRegistry(String id, Supplier<Toy2D> factory) {
        this.id = id;
        this.factory = factory;
    }

    /** The dataset's stable name, e.g. {@code seed-toy}. */
    public String id() {
        return id;
    }

    /** The dataset with its default parameters (immutable). */
    public Toy2D toy() {
        return factory.get();
    }

    /** The entry whose {@link #id()} equals {@code name}, ignoring case. */
    public static Toy2DRegistry byName(String name) {
        for (Toy2DRegistry entry : values()) {
            if (entry.id.equalsIgnoreCase(name)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("unknown 2D dataset '" + name + "'; known: "
                + Arrays.stream(values()).map(Toy2DRegistry::id).collect(Collectors.joining(", ")));
    }
}
