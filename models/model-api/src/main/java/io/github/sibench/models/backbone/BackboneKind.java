package io.github.sibench.models.backbone;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The registry of backbones: a name in configs, the config record and its defaults. */
public enum BackboneKind {
    /** The seed's SwiGLU MLP on flattened data ({@link SwiGluMlp}). */
    MLP("mlp", BackboneConfig.class, new BackboneConfig(128, 2, 16)),
    /** A small attention-free U-Net on images ({@link UNet}). */
    UNET("unet", UNetConfig.class, UNetConfig.small());

    private final String configName;
    private final Class<? extends Backbone> type;
    private final Backbone defaults;

    BackboneKind(String configName, Class<? extends Backbone> type, Backbone defaults) {
        this.configName = configName;
        this.type = type;
        this.defaults = defaults;
    }

    /** The name in configs, e.g. {@code unet}. */
    public String configName() {
        return configName;
    }

    /** The config record. */
    public Class<? extends Backbone> type() {
        return type;
    }

    /** The settings used for fields a config leaves out. */
    public Backbone defaults() {
        return defaults;
    }

    /** Every config name. */
    public static List<String> names() {
        return Arrays.stream(values()).map(BackboneKind::configName).toList();
    }

    /** The kind of a config name; an unknown name is an error listing the known ones. */
    public static BackboneKind byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BackboneKind k : values()) {
            if (k.configName.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + name + "'; known backbones: " + names());
    }
}
