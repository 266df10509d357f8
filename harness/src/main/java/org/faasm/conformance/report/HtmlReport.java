package org.faasm.conformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        try {
            String json = JsonReport.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
            // Inside <script>, "</script>" or "<!--" in a value would end the block; JSON may spell '<' as \u003c.
            return template().replace(PLACEHOLDER, json.replace("<", "\\u003c"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
