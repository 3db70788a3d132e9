package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    private static final List<String> ALL = List.of("config", "toy-plane", "losses", "metrics", "ablations",
            "agreement", "ranking", "verdict", "images", "figure4");

    /** The files whose removal drops each optional section. */
    private static final Map<String, List<String>> FILES = Map.of(
            "config", List.of("config.json", "environment.json"),
            "toy-plane", List.of("toy", "samples"),
            "losses", List.of("losses"),
            "metrics", List.of("summary.csv"),
            "agreement", List.of("agreement.csv"),
            "ranking", List.of("ranking.csv"),
            "verdict", List.of("consistency.csv"),
            "images", List.of("grids"));

    private static boolean hasSection(String html, String id) {
        return html.contains("<section id=\"" + id + "\">");
    }

    @Test
    void aFullRunHasEverySectionAndATableOfContents(@TempDir Path tmp) throws IOException {
        Path report = HtmlReport.write(RunFixture.write(tmp.resolve("run")));
        assertEquals(tmp.resolve("run/report.html"), report);
        String html = Files.readString(report);
        for (String id : ALL) {
            assertTrue(hasSection(html, id), id);
            assertTrue(html.contains("<a href=\"#" + id + "\">"), "contents link to " + id);
        }
        assertTrue(hasSection(html, "failed"), "the failed row is listed");
        assertTrue(html.contains("ok: 6") && html.contains("failed: 1"), "status counts");
        assertTrue(html.contains("class=\"verdict consistent\""));
        assertTrue(html.contains("Frechet distance of means &amp; covariances in the plane"), "description");
        // kept for the browser check (src/test/browser/check-report.sh)
        Files.createDirectories(Path.of("target"));
        Files.copy(report, Path.of("target", "fixture-report.html"), StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "toy-plane", "losses", "metrics", "agreement", "ranking", "verdict",
        "images"})
    void aSectionIsLeftOutWhenItsFilesAreMissingAndTheOthersStay(String id, @TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        for (String f : FILES.get(id)) {
            delete(run.resolve(f));
        }
        String html = Files.readString(HtmlReport.write(run));
        assertFalse(hasSection(html, id), id + " without its files");
        assertFalse(html.contains("<a href=\"#" + id + "\">"), "no contents link to " + id);
        for (String other : ALL) {
            if (!other.equals(id)) {
                assertTrue(hasSection(html, other), other + " stays when " + id + " goes");
            }
        }
    }

    @Test
    void onlyResultsGivesOnlyTheHeaderAndFigure4(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(run.resolve("results.csv"), "status,reason,model,setting,sampler,sampler_label,nfe,"
                + "dataset,n_train,seed,fid_y\nok,,fm,unsup,euler,euler-10,10,seed-toy,1000,0,0.1\n");
        String html = Files.readString(HtmlReport.write(run));
        for (String id : ALL) {
            assertEquals(id.equals("figure4"), hasSection(html, id), id);
        }
        assertFalse(hasSection(html, "failed"));
    }

    @Test
    void toyPlaneShowsModelScattersAloneWithoutTheToyFiles(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        delete(run.resolve("toy"));
        String html = Files.readString(HtmlReport.write(run));
        assertTrue(hasSection(html, "toy-plane"));
        assertTrue(html.contains("no toy/density.csv or toy/train.csv"));
        assertFalse(html.contains("exact density and training points"));
        // seed 0 of each model and sampler: 3 panels, not the seed-1 file
        String section = section(html, "toy-plane");
        assertEquals(3, count(section, "<figure class=\"panel\""));
    }

    @Test
    void toyPlaneHasTheDensityPanelFirstAndOnePanelPerModelAndSampler(@TempDir Path tmp) throws IOException {
        String html = Files.readString(HtmlReport.write(RunFixture.write(tmp.resolve("run"))));
        String section = section(html, "toy-plane");
        assertEquals(4, count(section, "<figure class=\"panel\""));
        assertTrue(section.indexOf("exact density and training points") < section.indexOf("fm · euler-10"));
        assertTrue(section.contains("90 training points"));
    }

    @Test
    void metricsWithoutColumnsJsonHaveNoDirections(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        Files.delete(run.resolve("columns.json"));
        String html = Files.readString(HtmlReport.write(run));
        String section = section(html, "metrics");
        assertTrue(section.contains("The run has no columns.json"));
        assertFalse(section.contains("↓"));
        assertTrue(section.contains("0.025 ± 0.007"));
    }

    @Test
    void ablationsNeedAVariedQuantity(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        String html = Files.readString(HtmlReport.write(run));
        assertTrue(section(html, "ablations").contains("fid_y vs sampling cost"));
        // the same run with a single step count per sampler has no ablation
        List<String> lines = Files.readAllLines(run.resolve("results.csv"));
        Files.write(run.resolve("results.csv"), lines.stream().filter(l -> !l.contains("euler-50")).toList());
        assertFalse(hasSection(Files.readString(HtmlReport.write(run)), "ablations"));
    }

    /**
     * A run with grids: an eps grid gets its own chart, an eps grid's rows stay out of the sampling-cost chart
     * (their step count is the run's own), efficiency.csv becomes a table, and the metrics table shows only
     * the run's own rows.
     */
    @Test
    void gridRowsEnterOnlyTheChartOfWhatTheyVary(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        StringBuilder results = new StringBuilder("status,reason,model,interpolant,setting,sampler,sampler_label,steps,"
                + "nfe,grid,grid_value,dataset,n_train,seed,fid_y\n");
        for (int seed = 0; seed < 2; seed++) {
            results.append("ok,,si,si,unsup,em,em-100-eps0.5,100,100,,,seed-toy,1000,").append(seed).append(",0.02\n");
            for (String eps : List.of("0", "1", "2")) {
                results.append("ok,,si,si,unsup,em,em-100-eps").append(eps).append(",100,100,noise,").append(eps)
                        .append(",seed-toy,1000,").append(seed).append(",").append(0.03 + Double.parseDouble(eps) / 100)
                        .append("\n");
            }
        }
        Files.writeString(run.resolve("results.csv"), results);
        Files.writeString(run.resolve("config.json"), "{\"grids\": [{\"name\": \"noise\", \"vary\": \"eps\","
                + " \"values\": [0, 1, 2]}]}");
        Files.writeString(run.resolve("summary.csv"), "dataset,setting,model,sampler_label,grid,grid_value,metric,mean,"
                + "std,n_seeds,failed_seeds\n"
                + "seed-toy,unsup,si,em-100-eps0.5,,,fid_y,0.02,0,2,0\n"
                + "seed-toy,unsup,si,em-100-eps1,noise,1,fid_y,0.987654,0,2,0\n");
        Files.writeString(run.resolve("efficiency.csv"), "dataset,setting,model,sampler_family,n_train,guidance_weight,"
                + "points,best_nfe,best_fid_y,nfe_within_10pct,fid_y_within_10pct\n"
                + "seed-toy,unsup,si,em-eps0.5,1000,,4,1024,0.0123,100,0.0131\n");
        String html = Files.readString(HtmlReport.write(run));
        String ablations = section(html, "ablations");
        assertTrue(ablations.contains("fid_y vs SDE diffusion eps"), ablations);
        assertFalse(ablations.contains("fid_y vs sampling cost"), "one step count: no NFE chart");
        assertTrue(ablations.contains("Sample efficiency") && ablations.contains("em-eps0.5")
                && ablations.contains("0.0123"), ablations);
        String metrics = section(html, "metrics");
        assertTrue(metrics.contains("em-100-eps0.5"));
        assertFalse(metrics.contains("0.9877") || metrics.contains("em-100-eps1<"), "grid rows are not in the metrics table");
    }

    @Test
    void textFromTheRunIsEscaped(@TempDir Path tmp) throws IOException {
        String html = Files.readString(HtmlReport.write(RunFixture.write(tmp.resolve("run"))));
        assertFalse(html.contains("<script"), "no script element, from the run or otherwise");
        assertFalse(html.contains("<b>stopped</b>"));
        assertTrue(html.contains("evil&lt;script&gt;&amp;co"), "model name escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;cfg&#39;)&lt;/script&gt; &amp; friends")
                || html.contains("&lt;script&gt;alert(&#x27;cfg&#x27;)&lt;/script&gt; &amp; friends"),
                "config value escaped");
        assertTrue(html.contains("loss turned NaN &amp; &lt;b&gt;stopped&lt;/b&gt;"), "failure reason escaped");
    }

    @Test
    void thePageLoadsNothingFromTheNetwork(@TempDir Path tmp) throws IOException {
        String html = Files.readString(HtmlReport.write(RunFixture.write(tmp.resolve("run"))));
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find(),
                "no src/href to the network");
        assertFalse(Pattern.compile("(?i)url\\(\\s*[\"']?\\s*(https?:)?//").matcher(html).find(), "no CSS url()");
        assertFalse(html.contains("@import"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no http(s) address at all");
        // every image is embedded
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
            images++;
        }
        assertTrue(images >= 6, "scatters and grids embedded: " + images);
    }

    @Test
    void theReportIsWrittenAtomicallyAndReproducibly(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        byte[] first = Files.readAllBytes(HtmlReport.write(run));
        byte[] second = Files.readAllBytes(HtmlReport.write(run));
        assertTrue(java.util.Arrays.equals(first, second), "same run, same bytes");
        try (Stream<Path> files = Files.list(run)) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.startsWith(".")).toList();
            assertEquals(List.of(), left, "no temporary file left");
        }
    }

    @Test
    void noResultsCsvIsAOneLineError(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(tmp));
        assertEquals("report: no results.csv in " + tmp + "; give a run's output folder", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("report.html")));
    }

    @Test
    void aCorruptCsvIsAOneLineErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        Files.writeString(run.resolve("summary.csv"), "dataset,setting,model\nseed-toy,\"unsup,fm\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run));
        assertTrue(e.getMessage().startsWith("report: cannot read summary.csv as CSV"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        Files.writeString(run.resolve("summary.csv"), "dataset,setting,model\nseed-toy,unsup\n");
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run));
        assertEquals("report: cannot read summary.csv as CSV: line 2 has 2 fields, the header 3", e.getMessage());
        assertFalse(Files.exists(run.resolve("report.html")), "nothing written");
    }

    @Test
    void aCorruptJsonIsAOneLineErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        Files.writeString(run.resolve("config.json"), "{\"profile\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run));
        assertTrue(e.getMessage().startsWith("report: cannot read config.json as JSON: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDensityThatIsNoGridIsAnErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"));
        Files.writeString(run.resolve("toy/density.csv"), "Y0,Y1,density\n0,0,1\n1,0,1\n0,1,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run));
        assertTrue(e.getMessage().startsWith("report: toy/density.csv is not a regular grid"), e.getMessage());
    }

    @Test
    void inlineChartsAreWellFormedSvg(@TempDir Path tmp) throws Exception {
        String html = Files.readString(HtmlReport.write(RunFixture.write(tmp.resolve("run"))));
        Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (svg.find()) {
            Document doc = parse(svg.group());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            n++;
        }
        // losses, ablation, ranking, figure 4
        assertEquals(4, n);
    }

    @Test
    void aChartIsStandaloneSvgWithUniqueDefinitions() throws Exception {
        String svg = Charts.svg(Charts.xy("t & <t>", Charts.Axis.log("x"), Charts.Axis.linear("y"),
                List.of(Charts.Series.line("a < b", new double[] {1, 10, 100}, new double[] {1, 2, 3},
                        Charts.seriesColor(0)))), 300, 200, "chart-7");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals("chart-7", doc.getDocumentElement().getAttribute("id"));
        assertTrue(svg.contains("t &amp; &lt;t&gt;"), "chart text escaped by the SVG writer");
        Matcher ids = Pattern.compile(" id='([^']*)'").matcher(svg);
        while (ids.find()) {
            assertTrue(ids.group(1).startsWith("chart-7"), ids.group(1));
        }
        assertFalse(Charts.inline(svg).contains("xmlns"));
    }

    @Test
    void lossFileNamesSplitIntoDatasetModelSettingAndSeed(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("x.csv");
        Files.writeString(f, "step,loss\n1,2.0\n2,1.0\n");
        CsvFile t = CsvFile.read(f, "losses/x.csv");
        var c = LossesSection.curve(t, "seed-toy_flow-matching_cfg_seed3", List.of("seed-toy", "cifar-100"));
        assertEquals(List.of("seed-toy", "flow-matching", "cfg", 3L),
                List.of(c.dataset(), c.model(), c.setting(), c.seed()));
        c = LossesSection.curve(t, "two_moons_fm_unsup_seed0", List.of("two_moons"));
        assertEquals(List.of("two_moons", "fm", "unsup", 0L), List.of(c.dataset(), c.model(), c.setting(), c.seed()));
    }

    @Test
    void figure4FollowsTheRootMeanSquareDistance() {
        double[][] mc = CubeFigure.monteCarlo();
        double[] last = mc[mc.length - 1];
        assertEquals(4096, last[0]);
        // the mean tends to sqrt(d/6) from below: at d = 4096 the gap is O(1/d) relative, far below 5 s.e.
        assertEquals(Math.sqrt(4096 / 6.0), last[1], 5 * last[2] + 1e-3);
        assertTrue(last[1] > 1.2 * Math.sqrt(4096) / 3, "well above the sqrt(d)/3 bound");
        // d = 1: E|x - y| = 1/3 exactly
        assertEquals(1.0 / 3, mc[0][1], 5 * mc[0][2]);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String section(String html, String id) {
        int from = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(from >= 0, id);
        return html.substring(from, html.indexOf("</section>", from));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void delete(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        } else {
            Files.deleteIfExists(p);
        }
    }
}
