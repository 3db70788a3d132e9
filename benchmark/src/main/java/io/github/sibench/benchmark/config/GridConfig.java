package io.github.sibench.benchmark.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named ablation grid of the toy stage: one parameter ({@link GridParameter}) set to each of {@code values}
 * in turn, for some models and settings, every other setting of the run unchanged. Each grid point of each
 * model, setting, seed and sampler is one row of {@code results.csv}, with the grid's name in column
 * {@code grid} and the value in {@code grid_value}; rows of the run itself leave both empty and are the only
 * ones ranked. In JSON: {@code {"name": "train-size", "vary": "nTrain", "values": [100, 500, 1000]}}.
 *
 * @param name the grid's name in results and file names: letters, digits, '.', '_', '+' and '-'
 * @param vary the parameter varied
 * @param values the values it takes, distinct, each in the parameter's range
 * @param models labels of the models it runs, or null (or empty) for every model of the run that has a
 *     sampler with the parameter (e.g. a steps grid skips the one-pass VAEs)
 * @param settings settings it runs in, or null (or empty) for every setting of the run it applies to (a
 *     guidance-weight grid: the labelled ones)
 */
public record GridConfig(String name, GridParameter vary, List<Double> values, List<String> models,
        List<Setting> settings) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    /** Most values in one grid (a guard against typos). */
    public static final int MAX_VALUES = 1000;

    public GridConfig {
        String where = "grids[" + name + "]";
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("grids[].name must be letters, digits, '.', '_', '+' or '-' (it names "
                    + "files), starting with a letter or digit; got '" + name + "'");
        }
        if (vary == null) {
            throw new IllegalArgumentException(where + ".vary is required, one of steps, nTrain, guidanceWeight, eps");
        }
        if (values == null || values.isEmpty() || values.size() > MAX_VALUES || values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(where + ".values must list 1 to " + MAX_VALUES + " numbers, got " + values);
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(where + ".values must be distinct: " + values);
        }
        for (double v : values) {
            vary.check(v, where + ".values");
        }
        values = List.copyOf(values);
        models = models == null ? List.of() : List.copyOf(models);
        settings = settings == null ? List.of() : List.copyOf(settings);
        if (new HashSet<>(models).size() != models.size()) {
            throw new IllegalArgumentException(where + ".models must be distinct: " + models);
        }
        for (Setting s : settings) {
            if (!vary.runsIn(s)) {
                throw new IllegalArgumentException(where + ".settings: a " + vary.configName() + " grid runs only in "
                        + "labelled settings (cfg, semi), got " + s.id());
            }
        }
    }

    /** Whether the grid runs model {@code label} (every model when {@link #models} is empty). */
    public boolean runs(String label) {
        return models.isEmpty() || models.contains(label);
    }

    /** Whether the grid runs in {@code setting} of a run. */
    public boolean runsIn(Setting setting) {
        return vary.runsIn(setting) && (settings.isEmpty() || settings.contains(setting));
    }

    /** A value as it appears in results and file names: whole numbers without a decimal point. */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
