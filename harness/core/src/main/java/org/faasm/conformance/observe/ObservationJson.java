package org.faasm.conformance.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An observation as a JavaScript host or a process adapter sends it: the record's fields, bytes in base64
 * ({@code schema/observation-v1.schema.json} describes it). Read here, and written for a recording, whole:
 * {@link #write} and {@link #parse} are each other's inverse but for the console and the state after, which
 * the format leaves to its envelope.
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

    /** The message (and those it chained) as {@link #parse} reads it. */
    public static ObjectNode write(Observation observation) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("function", observation.function())
                .put("funcPtr", observation.funcPtr())
                .put("input", base64(observation.input()))
                .put("outcome", observation.outcome().name())
                .put("returnValue", observation.returnValue())
                .put("output", base64(observation.output()))
                .put("error", observation.error())
                .put("stdout", base64(observation.stdout()))
                .put("stderr", base64(observation.stderr()))
                .put("host", observation.host());
        ArrayNode chained = node.putArray("chained");
        observation.chained().forEach(child -> chained.add(write(child)));
        ArrayNode trace = node.putArray("trace");
        for (HostCall call : observation.trace()) {
            ObjectNode written = trace.addObject().put("name", call.name()).put("result", call.result());
            call.arguments().forEach(written.putArray("arguments")::add);
        }
        node.putObject("timings").put("instantiateNanos", observation.timings().instantiateNanos())
                .put("executeNanos", observation.timings().executeNanos());
        node.set("filesAfter", byteMapNode(observation.filesAfter()));
        return node;
    }

    /** {key: base64}, the inverse of {@link #byteMap}. */
    public static ObjectNode byteMapNode(Map<String, byte[]> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach((key, bytes) -> node.put(key, base64(bytes)));
        return node;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
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
