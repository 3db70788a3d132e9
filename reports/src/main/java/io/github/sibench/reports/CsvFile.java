package io.github.sibench.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole (Commons CSV): the header and every row as a map from column name to its text. A
 * file that does not parse, has a row with another number of fields than the header, or repeats a column
 * is an {@link IllegalArgumentException} with one line naming the file ({@code cannot read NAME as CSV:
 * why}). {@link CsvTable} writes such files.
 *
 * @param file the file name shown in messages (relative to the run directory)
 * @param columns the header, in file order
 * @param rows the rows, each with every column (empty text for an empty field)
 */
public record CsvFile(String file, List<String> columns, List<Map<String, String>> rows) {

    public CsvFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads {@code runDir/relative}; empty when the file does not exist. */
    public static Optional<CsvFile> readIfPresent(Path runDir, String relative) {
        Path path = runDir.resolve(relative);
        return Files.isRegularFile(path) ? Optional.of(read(path, relative)) : Optional.empty();
    }

    /** Reads a CSV file with a header row; {@code name} names it in messages. */
    public static CsvFile read(Path path, String name) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty()) {
                throw corrupt(name, "no header row");
            }
            if (new LinkedHashSet<>(columns).size() != columns.size()) {
                throw corrupt(name, "a column name repeats in the header " + columns);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.size() != columns.size()) {
                    throw corrupt(name, "line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " fields, the header " + columns.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), record.get(i));
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            return new CsvFile(name, columns, rows);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(PREFIX) ? e : corrupt(name, oneLine(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw corrupt(name, oneLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (IOException e) {
            throw corrupt(name, oneLine(e.getMessage()));
        }
    }

    private static final String PREFIX = "cannot read ";

    private static IllegalArgumentException corrupt(String name, String why) {
        return new IllegalArgumentException(PREFIX + name + " as CSV: " + why);
    }

    /** {@code message} on one line ("unreadable" when null). */
    public static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
    }

    /** Whether the header has {@code column}. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The first column among {@code names} (case-insensitive) that the table has, or null. */
    public String column(String... names) {
        for (String n : names) {
            for (String c : columns) {
                if (c.equalsIgnoreCase(n)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The distinct values of a column in row order. */
    public Set<String> distinct(String column) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            out.add(r.getOrDefault(column, ""));
        }
        return out;
    }

    /** The number in a field; NaN when empty, absent or not a number (e.g. "NaN", "n/a"). */
    public static double number(Map<String, String> row, String column) {
        String text = column == null ? null : row.get(column);
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The number in a field, or an error naming the file and line when it is not a finite number. */
    public double require(int rowIndex, String column) {
        double v = number(rows.get(rowIndex), column);
        if (!Double.isFinite(v)) {
            throw corrupt(file, "line " + (rowIndex + 2) + ": '" + column + "' is not a finite number: '"
                    + rows.get(rowIndex).get(column) + "'");
        }
        return v;
    }
}
