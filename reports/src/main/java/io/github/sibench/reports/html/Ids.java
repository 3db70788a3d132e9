package io.github.sibench.reports.html;

/** Hands out element ids unique within one page (the inline SVGs share one id space). */
final class Ids {
    private int next;

    String next(String base) {
        return "c" + (next++) + "-" + Fmt.slug(base);
    }
}
