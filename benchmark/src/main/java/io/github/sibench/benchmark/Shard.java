package io.github.sibench.benchmark;

import java.util.Map;

/**
 * The i-th of n disjoint parts of a run's toy grid: cell c (models x settings x seeds, in config order)
 * belongs to shard {@code c mod n}. A shard runs only its toy cells and writes their rows, cells and files
 * (no ranking, no image stage: both need every toy cell); {@code sibench merge} combines the shards and
 * finishes the run ({@link Merge}).
 *
 * @param index this shard, 0 to count - 1
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {

    /** Environment variables that give the index, in order: Slurm job arrays, Kubernetes Indexed Jobs. */
    static final String[] INDEX_VARIABLES = {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"};

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard: need 0 <= index < count, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}, or {@code n} alone with the index from {@code SLURM_ARRAY_TASK_ID} or
     * {@code JOB_COMPLETION_INDEX} in {@code env}.
     */
    static Shard parse(String text, Map<String, String> env) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new Shard(Integer.parseInt(t.substring(0, slash).trim()),
                        Integer.parseInt(t.substring(slash + 1).trim()));
            }
            int count = Integer.parseInt(t);
            for (String variable : INDEX_VARIABLES) {
                String v = env.get(variable);
                if (v != null && !v.isBlank()) {
                    return new Shard(Integer.parseInt(v.trim()), count);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: '" + text + "' is not i/n or n (e.g. --shard 0/4)");
        }
        throw new IllegalArgumentException("--shard " + text + ": no index; give i/n, or set SLURM_ARRAY_TASK_ID"
                + " or JOB_COMPLETION_INDEX");
    }

    /** Whether cell number {@code cell} belongs to this shard. */
    boolean owns(int cell) {
        return cell % count == index;
    }

    /** The output folder of this shard inside the run's folder. */
    String folder() {
        return "shard-" + index + "-of-" + count;
    }
}
