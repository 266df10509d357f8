package org.faasm.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Parses the one-line JSON that native_main.c and run_v8.mjs print: checksum, warmup, samples_ns. */
final class SampleOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleOutput() {
    }

    /** A text field of that JSON line (what the runner reports about itself), or "?" when absent. */
    static String field(String stdout, String name) {
        try {
            return JSON.readTree(lastLine(stdout)).path(name).asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static Measurement parse(String stdout, int n, String detail) {
        String line = lastLine(stdout);
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode samples = node.path("samples_ns");
            if (!node.has("checksum") || !samples.isArray() || samples.isEmpty()) {
                return Measurement.error("unexpected runner output: " + line);
            }
            long[] ns = new long[samples.size()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = samples.get(i).asLong();
            }
            return Measurement.ok(node.get("checksum").asInt(), n, node.path("warmup").asInt(), ns, detail);
        } catch (IOException e) {
            return Measurement.error("unreadable runner output: " + line);
        }
    }

    private static String lastLine(String stdout) {
        return stdout.strip().lines().reduce((a, b) -> b).orElse("");
    }
}
