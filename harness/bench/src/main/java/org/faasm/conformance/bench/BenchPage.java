package org.faasm.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.faasm.conformance.support.AtomicFiles;
import org.faasm.conformance.support.JsonPage;

/**
 * {@code bench.html}: one self-contained page (inline CSS, inline JavaScript drawing inline SVG, no
 * network) rendering the {@link BenchReport} embedded in it: the kernels' ratios against their target,
 * each suite section's per-spec times against its budget, and every section's rows as a table.
 *
 * <p>The page embeds a bounded copy of the report: no raw samples (the charts draw medians; bench.json
 * keeps them), every text cut after {@link #MAX_TEXT} characters and every list after {@link #MAX_ITEMS}
 * items, so the page's size never grows with a long error message or a huge --iterations.
 */
public final class BenchPage {
    public static final String FILE = "bench.html";
    static final int MAX_TEXT = 2_000;
    static final int MAX_ITEMS = 5_000;
    private static final String TEMPLATE = "/bench/bench.html";
    private static final String PLACEHOLDER = "__BENCH_JSON__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchPage() {}

    /** Writes the page for {@code report} to {@code html}, creating its folder. */
    public static void write(BenchReport report, Path html) throws IOException {
        Path parent = html.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(html, render(report));
    }

    static String render(BenchReport report) {
        return JsonPage.render(TEMPLATE, PLACEHOLDER, bounded(JSON.valueToTree(report)));
    }

    /** The tree without samples, long texts cut and long lists shortened (with how many were left out). */
    private static JsonNode bounded(JsonNode node) {
        if (node.isTextual() && node.asText().length() > MAX_TEXT) {
            String text = node.asText();
            return TextNode.valueOf(text.substring(0, MAX_TEXT) + "… (" + (text.length() - MAX_TEXT) + " more characters)");
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < Math.min(node.size(), MAX_ITEMS); i++) {
                out.add(bounded(node.get(i)));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("samplesNs")) {
                    continue;
                }
                out.set(field.getKey(), bounded(field.getValue()));
                if (field.getValue().isArray() && field.getValue().size() > MAX_ITEMS) {
                    out.put(field.getKey() + "Omitted", field.getValue().size() - MAX_ITEMS);
                }
            }
            return out;
        }
        return node;
    }
}
