package io.github.sibench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsValuesInColumnOrderWithEmptyCellsForMissingValues() throws Exception {
        CsvTable t = new CsvTable(List.of("model", "fid_y", "note"));
        t.add(Map.of("model", "flow-matching", "fid_y", 0.125));
        t.add(Map.of("model", "a,b \"quoted\"", "note", "x"));
        Path f = dir.resolve("out/results.csv");
        t.write(f);
        try (Reader r = Files.newBufferedReader(f)) {
            List<CSVRecord> recs = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            assertEquals(2, recs.size());
            assertEquals("flow-matching", recs.get(0).get("model"));
            assertEquals(0.125, Double.parseDouble(recs.get(0).get("fid_y")));
            assertEquals("", recs.get(0).get("note"));
            assertEquals("a,b \"quoted\"", recs.get(1).get("model"));
        }
        assertEquals("model,fid_y,note", Files.readAllLines(f).get(0));
    }

    @Test
    void unknownColumnIsRejected() {
        CsvTable t = new CsvTable(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> t.add(Map.of("b", 1)));
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("a", "a")));
    }

    @Test
    void failedWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("r.csv");
        AtomicFiles.writeString(f, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, w -> {
            w.write("partial");
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /** Results are for people and tools to read: not owner-only like a temporary file. */
    @Test
    void writtenFilesAreReadableLikeOrdinaryFiles() throws Exception {
        Path f = dir.resolve("r.csv");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        AtomicFiles.writeString(f, "new");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        }
    }
}
