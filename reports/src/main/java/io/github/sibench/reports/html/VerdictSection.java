package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section {@code verdict}: consistency.csv, one block per setting: the toy's and the image data set's
 * rankings side by side ({@code model:rank:mean[low,high]} entries separated by ';'), Kendall's tau-b,
 * Spearman's rho, the bootstrap probability that the orders agree, and the verdict with its reason.
 */
final class VerdictSection {

    private static final Pattern ENTRY = Pattern.compile("^(.*):([^:]*):([^:\\[]*)\\[([^,\\]]*),([^\\]]*)\\]$");

    private VerdictSection() {}

    private record Entry(String model, String rank, String mean, String ci) {}

    static Map<String, Object> build(Run run) {
        CsvFile t = run.csv("consistency.csv").orElse(null);
        if (t == null || t.rows().isEmpty()) {
            return null;
        }
        List<Object> blocks = new ArrayList<>();
        for (Map<String, String> r : t.rows()) {
            Map<String, Entry> toy = entries(value(r, "toy_ranking"));
            Map<String, Entry> image = entries(value(r, "image_ranking"));
            List<String> models = new ArrayList<>(toy.keySet());
            image.keySet().stream().filter(m -> !toy.containsKey(m)).forEach(models::add);
            List<Object> rows = new ArrayList<>();
            for (String m : models) {
                Entry a = toy.get(m);
                Entry b = image.get(m);
                rows.add(Fmt.map("model", m,
                        "toyRank", a == null ? "" : a.rank(), "toyMean", a == null ? "" : a.mean() + " " + a.ci(),
                        "imageRank", b == null ? "" : b.rank(),
                        "imageMean", b == null ? "" : b.mean() + " " + b.ci()));
            }
            String verdict = value(r, "verdict");
            String kind = verdict.toLowerCase(Locale.ROOT);
            blocks.add(Fmt.map(
                    "setting", value(r, "setting"),
                    "toyDataset", value(r, "toy_dataset"), "imageDataset", value(r, "image_dataset"),
                    "toyMetric", value(r, "toy_metric"), "imageMetric", value(r, "image_metric"),
                    "rows", rows,
                    "tau", number(r, "kendall_tau_b"), "rho", number(r, "spearman_rho"),
                    "agree", number(r, "agreement_probability"), "resamples", value(r, "resamples"),
                    "verdict", verdict.isBlank() ? "(none)" : verdict,
                    "verdictClass", kind.equals("consistent") || kind.equals("inconsistent")
                            || kind.equals("inconclusive") ? kind : "other",
                    "reason", value(r, "reason")));
        }
        return Fmt.map("blocks", blocks);
    }

    private static String number(Map<String, String> r, String column) {
        String raw = value(r, column);
        double v = CsvFile.number(r, column);
        return Double.isFinite(v) ? Fmt.num(v) : raw.isBlank() ? "–" : raw + " (undefined)";
    }

    private static String value(Map<String, String> r, String column) {
        String v = r.get(column);
        return v == null ? "" : v;
    }

    /** Parses {@code model:rank:mean[low,high];...}; an entry that does not parse keeps its text as model. */
    static Map<String, Entry> entries(String text) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            Matcher m = ENTRY.matcher(part.trim());
            if (m.matches()) {
                out.put(m.group(1), new Entry(m.group(1), m.group(2), m.group(3),
                        "[" + m.group(4) + ", " + m.group(5) + "]"));
            } else {
                out.put(part.trim(), new Entry(part.trim(), "", "", ""));
            }
        }
        return out;
    }
}
