package io.github.sibench.benchmark;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Provenance of a run, written as {@code environment.json} next to {@code config.json}: the code (git commit
 * and whether the work tree had uncommitted changes), the software (Java, DJL, PyTorch), the machine (CPU
 * model, cores, OS) and the thread count, and when the run started and ended. Values that cannot be read
 * (no git, no /proc/cpuinfo) are {@code "unknown"}.
 *
 * @param gitCommit commit of the code that ran
 * @param gitDirty whether tracked files differed from that commit (null when unknown)
 * @param java Java runtime version and vendor
 * @param djl DJL version
 * @param engine deep-learning engine name and version (e.g. {@code PyTorch 2.7.1})
 * @param threads intra-op threads PyTorch was configured with ({@code default} when the engine chose)
 * @param cpu CPU model
 * @param cores processors available to the JVM
 * @param os operating system name, version and architecture
 * @param started start of the run (ISO-8601, UTC)
 * @param ended end of the run, or null while it runs
 */
public record Environment(String gitCommit, Boolean gitDirty, String java, String djl, String engine, String threads,
        String cpu, int cores, String os, String started, String ended) {

    static final String UNKNOWN = "unknown";

    /** Reads the environment now; {@code directory} is where git is asked for the commit. */
    public static Environment capture(Path directory) {
        Optional<String> commit = git(directory, "rev-parse", "HEAD");
        Boolean dirty = commit.isEmpty() ? null
                : git(directory, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank()).orElse(null);
        Engine engine = Engine.getInstance();
        return new Environment(commit.orElse(UNKNOWN), dirty,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Engine.getDjlVersion(), engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"), cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Instant.now().toString(), null);
    }

    /** The same environment with the end time set to now. */
    public Environment finished() {
        return new Environment(gitCommit, gitDirty, java, djl, engine, threads, cpu, cores, os, started,
                Instant.now().toString());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch", UNKNOWN);
    }

    /** Output of a git command run in {@code directory}, or empty when git is missing or fails. */
    private static Optional<String> git(Path directory, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
