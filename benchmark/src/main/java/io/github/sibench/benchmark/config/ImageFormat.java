package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How an image dataset is stored: a CIFAR binary release, or a {@code <split>/<class>/<image>} folder. */
public enum ImageFormat {
    /** CIFAR-100 binary ({@code cifar-100-binary.tar.gz} or its extracted folder). */
    CIFAR100("cifar-100"),
    /** CIFAR-10 binary ({@code cifar-10-binary.tar.gz} or its extracted folder). */
    CIFAR10("cifar-10"),
    /** A folder {@code <split>/<class>/<image>.png|jpg} read with the JDK's ImageIO. */
    FOLDER("folder");

    private final String id;

    ImageFormat(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ImageFormat byName(String name) {
        for (ImageFormat f : values()) {
            if (f.id.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown image format '" + name + "'; known formats: "
                + Arrays.stream(values()).map(ImageFormat::id).toList());
    }
}
