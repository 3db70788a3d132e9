package io.github.sibench.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.github.sibench.reports.AtomicFiles;
import io.github.sibench.reports.CsvFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained HTML report of a run: one {@code report.html} in the run's directory that opens
 * offline, with every chart inline (SVG, or PNG as a data URI for scatters of thousands of points) and
 * every image grid embedded as base64. It reads only files of the run directory.
 *
 * <p>Sections, each a {@code <section id="...">} present only when the run has its data: {@code config}
 * (config.json, environment.json), {@code toy-plane} (toy/density.csv, toy/train.csv, samples/*.csv),
 * {@code losses} (losses/*.csv), {@code metrics} (summary.csv, columns.json), {@code ablations} (results.csv
 * when steps, n_train or guidance weight vary), {@code agreement} (agreement.csv), {@code ranking}
 * (ranking.csv), {@code verdict} (consistency.csv), {@code images} (grids/*.png) and, always, {@code
 * figure4} (distances in the unit cube). A header gives the run's name, the count of rows per status and
 * the reason of each failed row. Every text taken from the run's files is HTML-escaped by the template.
 */
public final class HtmlReport {

    private static final Mustache TEMPLATE = template();

    private HtmlReport() {}

    /** The template, read through this class's loader (a thread's context loader may not see it). */
    private static Mustache template() {
        InputStream in = HtmlReport.class.getResourceAsStream("report.mustache");
        if (in == null) {
            throw new IllegalStateException("report: the template report.mustache is missing from the jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new DefaultMustacheFactory().compile(reader, "report.mustache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code runDir/report.html} atomically and returns its path.
     *
     * @throws IllegalArgumentException (one line) when runDir has no results.csv, or a file of the run
     *     does not parse (the message names the file)
     */
    public static Path write(Path runDir) {
        if (runDir == null || !Files.isRegularFile(runDir.resolve("results.csv"))) {
            throw new IllegalArgumentException("report: no results.csv in " + runDir
                    + "; give a run's output folder");
        }
        String html;
        try {
            html = render(runDir);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw m != null && m.startsWith("report: ") ? e : new IllegalArgumentException("report: " + m, e);
        }
        Path target = runDir.resolve("report.html");
        AtomicFiles.writeString(target, html);
        return target;
    }

    static String render(Path runDir) {
        Run run = Run.load(runDir);
        Ids ids = new Ids();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("runName", run.name());
        header(run, page);
        List<Object> toc = new ArrayList<>();
        if (Boolean.TRUE.equals(page.get("hasFailed"))) {
            toc.add(Fmt.map("id", "failed", "title", "Failed rows"));
        }
        section(page, toc, "config", "Configuration and environment", ConfigSection.build(run));
        section(page, toc, "toy-plane", "The toy in the plane", ToyPlaneSection.build(run, ids));
        section(page, toc, "losses", "Training loss", LossesSection.build(run, ids));
        section(page, toc, "metrics", "Metrics", MetricsSection.build(run));
        section(page, toc, "ablations", "Ablations", AblationsSection.build(run, ids));
        section(page, toc, "agreement", "Metric agreement", AgreementSection.build(run));
        section(page, toc, "ranking", "Ranking", RankingSection.build(run, ids));
        section(page, toc, "verdict", "Toy-to-image verdict", VerdictSection.build(run));
        section(page, toc, "images", "Image samples", ImagesSection.build(run));
        section(page, toc, "figure4", "Figure 4: distances in the unit cube", CubeFigure.build(ids));
        page.put("toc", toc);
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, page);
        return out.toString();
    }

    private static void section(Map<String, Object> page, List<Object> toc, String id, String title,
            Map<String, Object> content) {
        String key = switch (id) {
            case "toy-plane" -> "toyPlane";
            default -> id;
        };
        page.put(key, content);
        if (content != null) {
            content.put("sectionTitle", title);
            toc.add(Fmt.map("id", id, "title", title));
        }
    }

    /** Status counts, the failed rows with their reasons, and the run's time span. */
    private static void header(Run run, Map<String, Object> page) {
        CsvFile t = run.results();
        String status = t.column("status");
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Object> failed = new ArrayList<>();
        for (Map<String, String> r : t.rows()) {
            String s = status == null ? "ok" : r.get(status).trim();
            counts.merge(s.isEmpty() ? "(empty)" : s, 1, Integer::sum);
            if (!"ok".equalsIgnoreCase(s)) {
                List<String> what = new ArrayList<>();
                for (String c : List.of("dataset", "model", "setting", "sampler_label", "seed")) {
                    String v = r.get(c);
                    if (v != null && !v.isBlank()) {
                        what.add(c.equals("seed") ? "seed " + v : v);
                    }
                }
                String reason = r.get("reason");
                failed.add(Fmt.map("what", String.join(" · ", what), "status", s,
                        "reason", reason == null || reason.isBlank() ? "(no reason given)" : reason));
            }
        }
        List<Object> statusList = new ArrayList<>();
        counts.forEach((s, n) -> statusList.add(Fmt.map("status", s, "count", n,
                "statusClass", s.equalsIgnoreCase("ok") ? "ok" : "bad")));
        page.put("rowCount", t.rows().size());
        page.put("statusCounts", statusList);
        page.put("failedRows", failed);
        page.put("hasFailed", !failed.isEmpty());
        JsonNode env = run.json("environment.json").orElse(null);
        if (env != null && env.isObject()) {
            String started = env.path("started").asText("");
            String ended = env.path("ended").asText("");
            String commit = env.path("gitCommit").asText("");
            List<String> parts = new ArrayList<>();
            if (!commit.isBlank()) {
                parts.add("commit " + commit.substring(0, Math.min(12, commit.length()))
                        + (env.path("gitDirty").asBoolean(false) ? " (uncommitted changes)" : ""));
            }
            if (!started.isBlank()) {
                parts.add("started " + started);
            }
            try {
                if (!started.isBlank() && !ended.isBlank()) {
                    Duration d = Duration.between(Instant.parse(started), Instant.parse(ended));
                    parts.add(String.format(Locale.ROOT, "wall time %.1f min", d.toMillis() / 60000.0));
                }
            } catch (DateTimeParseException ignored) {
                // times in another format: shown in the environment table as they are
            }
            page.put("provenance", parts.isEmpty() ? null : String.join(" · ", parts));
        } else {
            page.put("provenance", null);
        }
    }
}
