package io.github.sibench.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Small helpers that build the report's charts with JFreeChart, drawn headless: line and marker charts
 * to inline SVG (few points, crisp at any zoom), scatters of thousands of points to PNG data URIs (a
 * raster stays a few tens of kilobytes where one SVG element per point would not), and a forest plot of
 * intervals. Colours of classes and of series are fixed palettes, so that class k has one colour in
 * every plot.
 */
final class Charts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Colour of class k (Okabe-Ito palette, readable by colour-blind readers); off-support (-1) is grey. */
    private static final Color[] CLASS_COLORS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    private static final Color OFF_SUPPORT = new Color(0x888888);
    /** Colours of the series of a line chart (models), in order (Tableau 10). */
    private static final Color[] SERIES_COLORS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Charts() {}

    static Color classColor(int k) {
        return k < 0 ? OFF_SUPPORT : CLASS_COLORS[k % CLASS_COLORS.length];
    }

    static Color seriesColor(int i) {
        return SERIES_COLORS[Math.floorMod(i, SERIES_COLORS.length)];
    }

    /** A CSS colour {@code #rrggbb}. */
    static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * One series of an XY chart.
     *
     * @param label legend text (null: not in the legend)
     * @param x abscissae
     * @param y ordinates (non-finite values are skipped)
     * @param color its colour
     * @param line draw a line through the points
     * @param markers draw a marker at each point
     * @param width line width in pixels
     * @param dashed dashed line
     */
    record Series(String label, double[] x, double[] y, Color color, boolean line, boolean markers, float width,
            boolean dashed) {
        Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("chart series '" + label + "': x and y differ in length");
            }
        }

        static Series line(String label, double[] x, double[] y, Color color) {
            return new Series(label, x, y, color, true, false, 1.6f, false);
        }

        static Series lineWithMarkers(String label, double[] x, double[] y, Color color) {
            return new Series(label, x, y, color, true, true, 1.6f, false);
        }
    }

    /** Axis options: label, logarithmic scale, and a fixed range (null: from the data). */
    record Axis(String label, boolean log, Range range) {
        static Axis linear(String label) {
            return new Axis(label, false, null);
        }

        static Axis log(String label) {
            return new Axis(label, true, null);
        }
    }

    /** An XY chart of lines and/or markers. */
    static JFreeChart xy(String title, Axis xAxis, Axis yAxis, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int i = 0;
        for (Series s : series) {
            XYSeries xy = new XYSeries("s" + i + (s.label() == null ? "" : ": " + s.label()), false, true);
            for (int j = 0; j < s.x().length; j++) {
                boolean okX = Double.isFinite(s.x()[j]) && (!xAxis.log() || s.x()[j] > 0);
                boolean okY = Double.isFinite(s.y()[j]) && (!yAxis.log() || s.y()[j] > 0);
                if (okX && okY) {
                    xy.add(s.x()[j], s.y()[j]);
                }
            }
            data.addSeries(xy);
            renderer.setSeriesPaint(i, s.color());
            renderer.setSeriesLinesVisible(i, s.line());
            renderer.setSeriesShapesVisible(i, s.markers());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesStroke(i, s.dashed()
                    ? new BasicStroke(s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                            new float[] {6f, 4f}, 0f)
                    : new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesVisibleInLegend(i, s.label() != null);
            i++;
        }
        renderer.setLegendItemLabelGenerator((dataset, index) -> {
            String key = dataset.getSeriesKey(index).toString();
            int colon = key.indexOf(": ");
            return colon < 0 ? key : key.substring(colon + 2);
        });
        XYPlot plot = new XYPlot(data, axis(xAxis), axis(yAxis), renderer);
        logTicks(plot);
        return finish(new JFreeChart(title, TITLE, plot, series.stream().anyMatch(s -> s.label() != null)));
    }

    /**
     * A scatter of points coloured by class on fixed axes, over an optional density drawn as grey blocks.
     *
     * @param x abscissae of the points
     * @param y ordinates
     * @param cls class of each point (colour by {@link #classColor})
     * @param density the density grid, or null
     */
    static JFreeChart scatter(String title, double[] x, double[] y, int[] cls, Grid density, Range xRange,
            Range yRange) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(new Axis("y0", false, xRange)));
        plot.setRangeAxis(axis(new Axis("y1", false, yRange)));
        int maxClass = -1;
        for (int c : cls) {
            maxClass = Math.max(maxClass, c);
        }
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int k = -1; k <= maxClass; k++) {
            XYSeries s = new XYSeries("class " + k, false, true);
            for (int j = 0; j < x.length; j++) {
                if (cls[j] == k || (k == -1 && cls[j] < -1)) {
                    s.add(x[j], y[j]);
                }
            }
            int index = points.getSeriesCount();
            points.addSeries(s);
            Color c = classColor(k);
            dots.setSeriesPaint(index, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            dots.setSeriesShape(index, new Rectangle2D.Double(-1.25, -1.25, 2.5, 2.5));
        }
        plot.setDataset(0, points);
        plot.setRenderer(0, dots);
        if (density != null) {
            DefaultXYZDataset grid = new DefaultXYZDataset();
            grid.addSeries("density", density.xyz());
            XYBlockRenderer blocks = new XYBlockRenderer();
            blocks.setBlockWidth(density.dx());
            blocks.setBlockHeight(density.dy());
            blocks.setPaintScale(new LogGreys(density.max()));
            plot.setDataset(1, grid);
            plot.setRenderer(1, blocks);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = finish(new JFreeChart(title, TITLE, plot, false));
        // square markers need no smoothing, and a raster without it has few colours and compresses well
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /**
     * A forest plot: one row per name (top to bottom in the given order), the estimate as a dot with its
     * interval as a horizontal bar.
     */
    static JFreeChart forest(String title, String xLabel, List<String> names, double[] mean, double[] low,
            double[] high) {
        XIntervalSeries s = new XIntervalSeries("estimate");
        int n = names.size();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(mean[i])) {
                double lo = Double.isFinite(low[i]) ? low[i] : mean[i];
                double hi = Double.isFinite(high[i]) ? high[i] : mean[i];
                s.add(mean[i], lo, hi, n - 1 - i);
            }
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setErrorPaint(seriesColor(0));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(6);
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, Color.BLACK);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[n - 1 - i] = names.get(i);
        }
        SymbolAxis yAxis = new SymbolAxis(null, reversed);
        yAxis.setTickLabelFont(LABEL);
        yAxis.setGridBandsVisible(false);
        yAxis.setRange(-0.6, n - 0.4);
        NumberAxis xAxis = (NumberAxis) axis(Axis.linear(xLabel));
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        return finish(new JFreeChart(title, TITLE, plot, false));
    }

    private static ValueAxis axis(Axis a) {
        ValueAxis axis;
        if (a.log()) {
            LogAxis log = new LogAxis(a.label());
            log.setSmallestValue(1e-300);
            log.setMinorTickMarksVisible(true);
            log.setNumberFormatOverride(new PlainNumberFormat());
            axis = log;
        } else {
            NumberAxis number = new NumberAxis(a.label());
            number.setAutoRangeIncludesZero(false);
            axis = number;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        if (a.range() != null) {
            axis.setRange(a.range());
        }
        return axis;
    }

    /**
     * Ticks of a log axis as plain numbers at whole powers: of 10 when the data span 3 decades or more,
     * else of 2 (with quarter powers of 2 below one doubling), so that every axis has several labels.
     */
    private static void logTicks(LogAxis axis, double min, double max) {
        if (!(min > 0) || !(max > min)) {
            return;
        }
        double decades = Math.log10(max / min);
        axis.setBase(decades >= 3 ? 10 : 2);
        double doublings = Math.log(max / min) / Math.log(2);
        double unit = decades >= 3 ? 1 : doublings >= 2 ? 1 : doublings >= 1 ? 0.5 : 0.25;
        axis.setTickUnit(new NumberTickUnit(unit), false, false);
        axis.setAutoTickUnitSelection(false);
    }

    /** Sets the ticks of every log axis of an XY plot from the range of its data. */
    private static void logTicks(XYPlot plot) {
        if (plot.getDomainAxis() instanceof LogAxis x) {
            Range r = plot.getDataRange(x);
            if (r != null) {
                logTicks(x, Math.max(r.getLowerBound(), Double.MIN_VALUE), r.getUpperBound());
            }
        }
        if (plot.getRangeAxis() instanceof LogAxis y) {
            Range r = plot.getDataRange(y);
            if (r != null) {
                logTicks(y, Math.max(r.getLowerBound(), Double.MIN_VALUE), r.getUpperBound());
            }
        }
    }

    /** Tick labels: up to 4 significant digits, plain between 1e-3 and 1e5, else scientific. */
    private static final class PlainNumberFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Fmt.num(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * The chart as an SVG element; {@code id} must be unique in the page: it prefixes the element's
     * definitions (clip paths), which share one namespace across all inline SVGs of an HTML page.
     */
    static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(Charts::twoDecimals);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(id);
    }

    /** The SVG for inlining into HTML: without the namespace declarations, which HTML implies. */
    static String inline(String svg) {
        return svg.replaceAll(" xmlns(:[a-z]+)?=(\"[^\"]*\"|'[^']*')", "");
    }

    /** The chart as a PNG data URI. */
    static String png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height);
        return pngDataUri(image);
    }

    static String pngDataUri(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String twoDecimals(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * A density on a regular grid: abscissae {@code x[i]}, ordinates {@code y[j]} and values {@code
     * z[j][i]}.
     */
    record Grid(double[] x, double[] y, double[][] z) {
        double dx() {
            return x.length > 1 ? (x[x.length - 1] - x[0]) / (x.length - 1) : 1;
        }

        double dy() {
            return y.length > 1 ? (y[y.length - 1] - y[0]) / (y.length - 1) : 1;
        }

        double max() {
            double m = 0;
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        m = Math.max(m, v);
                    }
                }
            }
            return m;
        }

        Range xRange() {
            return new Range(x[0] - dx() / 2, x[x.length - 1] + dx() / 2);
        }

        Range yRange() {
            return new Range(y[0] - dy() / 2, y[y.length - 1] + dy() / 2);
        }

        double[][] xyz() {
            int n = x.length * y.length;
            double[][] out = new double[3][n];
            int k = 0;
            for (int j = 0; j < y.length; j++) {
                for (int i = 0; i < x.length; i++) {
                    out[0][k] = x[i];
                    out[1][k] = y[j];
                    out[2][k] = z[j][i];
                    k++;
                }
            }
            return out;
        }
    }

    /**
     * Greys for a density on a log scale: white below 1e-4 of the maximum, darkening to a mid grey at the
     * maximum, so that clusters of very different scales all show and coloured points stay readable.
     */
    private record LogGreys(double max) implements PaintScale {
        private static final double DECADES = 4;

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            if (!(value > 0) || !(max > 0)) {
                return Color.WHITE;
            }
            double t = Math.max(0, Math.min(1, 1 + Math.log10(value / max) / DECADES));
            int g = (int) Math.round(255 - 95 * t);
            return new Color(g, g, Math.min(255, g + 10));
        }
    }
}
