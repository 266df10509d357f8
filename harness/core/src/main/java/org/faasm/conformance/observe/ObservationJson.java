package org.faasm.conformance.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads an observation as a JavaScript host or a process adapter sends it: the record's fields, bytes
 * in base64 ({@code schema/observation-v1.schema.json} describes it).
 */
public final class ObservationJson {
    private ObservationJson() {}

    public static Observation parse(JsonNode node) {
        List<Observation> chained = new ArrayList<>();
        node.path("chained").forEach(child -> chained.add(parse(child)));
        List<HostCall> trace = new ArrayList<>();
        node.path("trace").forEach(call -> trace.add(hostCall(call)));
        JsonNode timings = node.path("timings");
        return new Observation(
                node.get("function").asText(),
                node.get("funcPtr").asInt(),
                bytes(node, "input"),
                Outcome.valueOf(node.get("outcome").asText()),
                node.get("returnValue").asInt(),
                bytes(node, "output"),
                node.path("error").asText(""),
                bytes(node, "stdout"),
                bytes(node, "stderr"),
                node.path("host").asInt(),
                List.copyOf(chained),
                Map.of(),
                List.copyOf(trace),
                new Timings(timings.path("instantiateNanos").asLong(), timings.path("executeNanos").asLong()))
                .withFilesAfter(files(node.path("filesAfter")));
    }

    /** {guest path: base64} as the worker's SandboxFs lists them. */
    private static Map<String, byte[]> files(JsonNode node) {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return files;
    }

    public static byte[] bytes(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.path(field).asText(""));
    }

    /** {key: base64} as a map of bytes, in the object's order. */
    public static Map<String, byte[]> byteMap(JsonNode object) {
        Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
        object.properties().forEach(field -> bytes.put(field.getKey(), Base64.getDecoder().decode(field.getValue().asText())));
        return bytes;
    }

    private static HostCall hostCall(JsonNode call) {
        List<String> arguments = new ArrayList<>();
        call.path("arguments").forEach(a -> arguments.add(a.asText()));
        JsonNode result = call.get("result");
        return new HostCall(call.get("name").asText(), List.copyOf(arguments), result == null || result.isNull() ? null : result.asText());
    }
}
