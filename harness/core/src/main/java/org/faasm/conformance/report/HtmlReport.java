package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.faasm.conformance.support.JsonPage;

/**
 * {@code index.html}: one self-contained page (inline CSS and JavaScript, no network) that renders the
 * report JSON embedded in it: the matrix, filters, a cell's details and the coverage table.
 */
public final class HtmlReport {
    public static final String FILE = "index.html";
    private static final String TEMPLATE = "/report/index.html";
    private static final String PLACEHOLDER = "__REPORT_JSON__";

    private HtmlReport() {}

    public static String render(JsonNode report) {
        return JsonPage.render(TEMPLATE, PLACEHOLDER, report);
    }
}
