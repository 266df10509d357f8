package org.faasm.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.ObservationJson;
import org.faasm.conformance.verdict.Status;

/**
 * What one real host did with one spec's request, kept so that a column can replay it where that host cannot
 * run: the observation it made (the entry message, its chained calls, the state after), or that it erred or
 * timed out, with the message it gave. {@code statusThen} is the verdict at recording time, for the reader only.
 */
public record Recording(String spec, String backend, RecordedRequest request, Status statusThen, Optional<Observation> observation,
        String message) {
    public static final int FORMAT = 1;

    /** A recording of a verdict that carries an observation, or of an ERROR or TIMEOUT. */
    public Recording {
        if (observation.isEmpty() && statusThen != Status.ERROR && statusThen != Status.TIMEOUT) {
            throw new IllegalArgumentException(spec + ": only an ERROR or a TIMEOUT is recorded without an observation, not " + statusThen);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("recording", FORMAT).put("spec", spec).put("backend", backend)
                .put("request", request.sha256());
        ObjectNode modules = node.putObject("modules");
        new java.util.TreeMap<>(request.modules()).forEach(modules::put);
        node.put("statusThen", statusThen.name()).put("message", message);
        observation.ifPresent(o -> {
            node.set("observation", ObservationJson.write(o));
            node.set("stateAfter", ObservationJson.byteMapNode(o.stateAfter()));
        });
        return node;
    }

    /** Reads what {@link #toJson} wrote; a field missing or of another format is an {@link IllegalArgumentException} naming it. */
    public static Recording fromJson(JsonNode node) {
        if (node.path("recording").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("not a recording of format " + FORMAT + " (field 'recording')");
        }
        Map<String, String> modules = new LinkedHashMap<>();
        required(node, "modules").properties().forEach(e -> modules.put(e.getKey(), e.getValue().asText()));
        JsonNode observed = node.get("observation");
        Optional<Observation> observation = observed == null ? Optional.empty()
                : Optional.of(ObservationJson.parse(observed).withStateAfter(ObservationJson.byteMap(node.path("stateAfter"))));
        return new Recording(required(node, "spec").asText(), required(node, "backend").asText(),
                new RecordedRequest(required(node, "request").asText(), modules), Status.valueOf(required(node, "statusThen").asText()),
                observation, node.path("message").asText(""));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a recording needs '" + field + "'");
        }
        return value;
    }
}
