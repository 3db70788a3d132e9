package io.github.sibench.benchmark.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.reports.CsvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementTest {

    @TempDir
    Path dir;

    /**
     * Five rows where the models' quality order is known: fid_y and sliced_w2_y (lower is better) rise
     * together, nll_y falls against them, mass_err_c0 (best at 0) grows in size with alternating sign, the
     * loss follows fid_y, and off_support is known in only two rows.
     */
    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] err = {0.01, -0.02, 0.03, -0.04, 0.05};
        for (int i = 0; i < 5; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("fid_y", 0.1 * (i + 1));
            r.put("sliced_w2_y", 1.0 + i * i);
            r.put("nll_y", 5.0 - i);
            r.put("mass_err_c0", err[i]);
            r.put("final_loss", 0.3 + 0.01 * i);
            r.put("train_seconds", 10.0 - i);
            if (i < 2) {
                r.put("off_support", 0.1 * i);
            }
            rows.add(r);
        }
        return rows;
    }

    @Test
    void tauIsTakenOnValuesOrientedSoThatLargerIsBetter() {
        List<String> columns = List.of("train_seconds", "final_loss", "fid_y", "sliced_w2_y", "nll_y",
                "off_support", "mass_err_c0");
        Map<String, Map<String, Double>> m = Agreement.matrix(rows(), columns);
        assertEquals(List.of("final_loss", "fid_y", "sliced_w2_y", "nll_y", "off_support", "mass_err_c0"),
                List.copyOf(m.keySet()), "final_loss first, then the score columns; timings are not scores");
        assertEquals(1, m.get("fid_y").get("sliced_w2_y"), 1e-12);
        assertEquals(-1, m.get("fid_y").get("nll_y"), 1e-12);
        assertEquals(1, m.get("fid_y").get("mass_err_c0"), 1e-12, "|mass_err| grows as fid_y does");
        assertEquals(1, m.get("final_loss").get("fid_y"), 1e-12);
        assertTrue(Double.isNaN(m.get("fid_y").get("off_support")), "two common rows are too few");
        for (String a : m.keySet()) {
            for (String b : m.keySet()) {
                assertEquals(m.get(a).get(b), m.get(b).get(a), 0, "symmetric");
            }
        }
    }

    @Test
    void writtenAsASquareTableWithTheMetricFirst() {
        Path f = dir.resolve("agreement.csv");
        Map<String, Map<String, Double>> m = Agreement.matrix(rows(), List.of("fid_y", "nll_y"));
        Agreement.write(m, f);
        CsvFile t = CsvFile.read(f, "agreement.csv");
        assertEquals(List.of("metric", "final_loss", "fid_y", "nll_y"), t.columns());
        assertEquals(List.of("final_loss", "fid_y", "nll_y"), t.rows().stream().map(r -> r.get("metric")).toList());
        assertEquals(-1, Double.parseDouble(t.rows().get(1).get("nll_y")), 1e-12);
    }
}
