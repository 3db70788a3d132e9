package io.github.sibench.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Section {@code config}: the resolved configuration (config.json, pretty-printed) and the provenance of
 * the run (environment.json), with dataset.json and classifier.json when the run has them.
 */
final class ConfigSection {

    private ConfigSection() {}

    static Map<String, Object> build(Run run) {
        JsonNode config = run.json("config.json").orElse(null);
        List<Object> tables = new ArrayList<>();
        addTable(tables, run, "environment.json", "Environment", true);
        addTable(tables, run, "dataset.json", "Image data set", false);
        addTable(tables, run, "classifier.json", "Feature classifier of the image metrics", false);
        if (config == null && tables.isEmpty()) {
            return null;
        }
        return Fmt.map(
                "configJson", config == null ? null : Run.pretty(config),
                "jsonTables", tables);
    }

    private static void addTable(List<Object> tables, Run run, String file, String title, boolean open) {
        JsonNode node = run.json(file).orElse(null);
        if (node == null) {
            return;
        }
        List<Object> rows = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(Fmt.map("key", e.getKey(), "value", text(e.getValue())));
            }
        } else {
            rows.add(Fmt.map("key", "(value)", "value", text(node)));
        }
        tables.add(Fmt.map("title", title, "file", file, "open", open, "rows", rows));
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
