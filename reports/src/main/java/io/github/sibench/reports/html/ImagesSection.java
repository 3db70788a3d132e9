package io.github.sibench.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Section {@code images}: the image grids of grids/ embedded as base64 PNG: per model, setting and
 * sampler a row with grids/real.png first, then each seed's grid ({@code <stem>_seed<k>.png}) and its
 * one-row-per-class grid ({@code _classes.png}).
 */
final class ImagesSection {

    private static final Pattern STEM = Pattern.compile("^(.*)_seed(\\d+)(_classes)?$");

    private ImagesSection() {}

    static Map<String, Object> build(Run run) {
        Path dir = run.dir().resolve("grids");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("report: cannot list " + dir + ": " + e.getMessage(), e);
        }
        Path real = dir.resolve("real.png");
        String realUri = Files.isRegularFile(real) ? dataUri(real) : null;
        List<String> models = run.results().column("model") == null ? List.of()
                : List.copyOf(run.results().distinct(run.results().column("model")));
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        files.stream().filter(p -> !p.equals(real)).sorted(Comparator.comparingInt((Path p) -> order(models, p))
                .thenComparing(p -> seedOrder(p))).forEach(p -> {
                    String name = p.getFileName().toString();
                    String stem = name.substring(0, name.length() - 4);
                    Matcher m = STEM.matcher(stem);
                    String group = m.matches() ? m.group(1) : stem;
                    String caption = m.matches() ? "seed " + m.group(2) + (m.group(3) != null ? ", by class" : "")
                            : stem;
                    rows.computeIfAbsent(group, k -> new ArrayList<>())
                            .add(Fmt.map("caption", caption, "file", "grids/" + name, "src", dataUri(p)));
                });
        if (rows.isEmpty() && realUri == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : rows.entrySet()) {
            out.add(Fmt.map("group", e.getKey(), "grids", e.getValue()));
        }
        return Fmt.map("realSrc", realUri, "realAspect", realUri == null ? null : aspect(real), "rows", out,
                "onlyReal", rows.isEmpty() ? Boolean.TRUE : null);
    }

    private static int order(List<String> models, Path p) {
        String name = p.getFileName().toString();
        int best = Integer.MAX_VALUE;
        int bestLength = -1;
        for (int i = 0; i < models.size(); i++) {
            if (name.startsWith(models.get(i) + "_") && models.get(i).length() > bestLength) {
                best = i;
                bestLength = models.get(i).length();
            }
        }
        return best;
    }

    private static String seedOrder(Path p) {
        String name = p.getFileName().toString();
        Matcher m = STEM.matcher(name.substring(0, name.length() - 4));
        return m.matches() ? m.group(1) + "0".repeat(Math.max(0, 12 - m.group(2).length())) + m.group(2)
                + (m.group(3) == null ? "" : "c") : name;
    }

    /** The CSS aspect ratio {@code width / height} of a PNG, from its header; "1" when it is no PNG. */
    static String aspect(Path png) {
        try (java.io.InputStream in = Files.newInputStream(png)) {
            byte[] head = in.readNBytes(24);
            if (head.length < 24 || head[1] != 'P' || head[2] != 'N' || head[3] != 'G') {
                return "1";
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
            return b.getInt(16) + " / " + b.getInt(20);
        } catch (IOException e) {
            throw new UncheckedIOException("report: cannot read " + png + ": " + e.getMessage(), e);
        }
    }

    static String dataUri(Path png) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("report: cannot read " + png + ": " + e.getMessage(), e);
        }
    }
}
