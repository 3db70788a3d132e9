package io.github.sibench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvFile} reads what {@link CsvTable} writes, and refuses damaged files in one line. */
class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void readGivesTheRowsBackAndRefusesDamagedFilesInOneLine() throws Exception {
        CsvTable t = new CsvTable(List.of("model", "fid_y", "note"));
        t.add(Map.of("model", "a,b \"quoted\"", "fid_y", 0.5));
        t.add(Map.of("model", "m", "note", "line\nbreak"));
        Path f = dir.resolve("r.csv");
        t.write(f);
        assertEquals(List.of(Map.of("model", "a,b \"quoted\"", "fid_y", "0.5", "note", ""),
                Map.of("model", "m", "fid_y", "", "note", "line\nbreak")), CsvFile.read(f, "r.csv").rows());
        Files.writeString(f, "a,b\n1,2\n3\n");
        IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class, () -> CsvFile.read(f, "r.csv"));
        assertTrue(short_.getMessage().startsWith("cannot read r.csv as CSV: line ")
                && short_.getMessage().endsWith(" has 1 fields, the header 2"), short_.getMessage());
        Files.writeString(f, "a,b\n\"open,2\n");
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> CsvFile.read(f, "r.csv"));
        assertTrue(open.getMessage().startsWith("cannot read r.csv as CSV: ") && !open.getMessage().contains("\n"),
                open.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CsvFile.read(dir.resolve("none.csv"), "none.csv"));
        assertTrue(missing.getMessage().startsWith("cannot read none.csv as CSV: "), missing.getMessage());
    }
}
