package io.github.sibench.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV table with a fixed, ordered header (stable column names) written atomically with Commons CSV.
 * Rows are maps from column name to value; a column a row lacks is written empty, and a key that is not
 * a column is an error (so a typo never silently drops a value). {@link CsvFile} reads such a file back.
 */
public final class CsvTable {

    private final List<String> columns;
    private final List<Map<String, ?>> rows = new ArrayList<>();

    public CsvTable(List<String> columns) {
        if (columns.isEmpty() || columns.size() != columns.stream().distinct().count()) {
            throw new IllegalArgumentException("csv: columns must be non-empty and distinct: " + columns);
        }
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    /** Adds a row; its keys must be columns of the table. */
    public void add(Map<String, ?> row) {
        for (String key : row.keySet()) {
            if (!columns.contains(key)) {
                throw new IllegalArgumentException("csv: '" + key + "' is not a column of " + columns);
            }
        }
        rows.add(new LinkedHashMap<>(row));
    }

    /** Writes header and rows to {@code target} atomically. Doubles are written in full precision. */
    public void write(Path target) {
        AtomicFiles.write(target, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                    .setHeader(columns.toArray(new String[0])).get())) {
                for (Map<String, ?> row : rows) {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (String c : columns) {
                        Object v = row.get(c);
                        values.add(v == null ? "" : v);
                    }
                    p.printRecord(values);
                }
            }
        });
    }
}
