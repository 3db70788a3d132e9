package io.github.sibench.reports.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Number formatting and the maps the template reads. */
final class Fmt {

    private Fmt() {}

    /** A number with 4 significant digits: plain between 1e-3 and 1e5, scientific outside; "–" if not finite. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "–" : (v > 0 ? "∞" : "-∞");
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** An interval {@code [low, high]}. */
    static String interval(double low, double high) {
        return "[" + num(low) + ", " + num(high) + "]";
    }

    /**
     * A map of alternating keys and values, in order. Null values are kept: a key present with null stops
     * the template from looking the name up in the enclosing scopes (Mustache's context stack).
     */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A page id made from free text: lower-case letters, digits and '-'. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
