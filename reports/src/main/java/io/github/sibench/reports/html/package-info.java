/**
 * The self-contained HTML report of a run ({@link io.github.sibench.reports.html.HtmlReport}): a Mustache
 * template ({@code report.mustache}, which HTML-escapes every value but the charts and images this package
 * generates), charts drawn headless by JFreeChart into inline SVG or PNG data URIs, and one builder per
 * section, each reading only the files of the run directory and returning null when the run lacks them.
 */
package io.github.sibench.reports.html;
