package org.faasm.conformance.faasm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The JSON the planner speaks (reference §3.3): a {@code {http_type, payload}} envelope around a JSON string. */
final class PlannerMessages {
    static final int FLUSH_EXECUTORS = 3;
    static final int FLUSH_SCHEDULING_STATE = 4;
    static final int EXECUTE_BATCH = 10;
    static final int EXECUTE_BATCH_STATUS = 11;
    private static final ObjectMapper JSON = new org.faasm.conformance.support.BoundedJsonMapper();

    private PlannerMessages() {}

    static String envelope(int httpType, String payload) {
        return JSON.createObjectNode().put("http_type", httpType).put("payload", payload).toString();
    }

    /** A batch with Faasm's required fields; exec-graph recording makes results name their chained calls. */
    static String batch(int appId, String user, List<BatchMessage> messages) {
        ObjectNode batch = JSON.createObjectNode().put("appId", appId).put("user", user).put("function", messages.get(0).function());
        ArrayNode list = batch.putArray("messages");
        for (BatchMessage message : messages) {
            ObjectNode node = list.addObject().put("id", message.id()).put("appId", appId).put("user", user)
                    .put("function", message.function())
                    .put("input_data", Base64.getEncoder().encodeToString(message.input()))
                    .put("record_exec_graph", true);
            if (message.funcPtr() != 0) {
                node.put("funcPtr", message.funcPtr());
            }
            if (!message.cmdline().isEmpty()) {
                node.put("cmdline", message.cmdline());
            }
        }
        return batch.toString();
    }

    static String status(int appId) {
        return JSON.createObjectNode().put("appId", appId).toString();
    }

    /** {@code finished} and the results of a status answer. */
    static Status parseStatus(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FaasmApiException("planner status is not JSON: " + e.getOriginalMessage() + " in " + abbreviate(body));
        }
        List<MessageResult> results = new ArrayList<>();
        for (JsonNode node : root.path("messageResults")) {
            List<Integer> chained = new ArrayList<>();
            node.path("chainedMsgIds").forEach(id -> chained.add(id.asInt()));
            results.add(new MessageResult(
                    node.path("id").asInt(),
                    node.path("appId").asInt(),
                    node.path("function").asText(""),
                    node.path("funcPtr").asInt(0),
                    Base64.getDecoder().decode(node.path("input_data").asText("")),
                    node.path("output_data").asText(""),
                    node.path("returnValue").asInt(0),
                    List.copyOf(chained),
                    node.path("executedHost").asText("")));
        }
        return new Status(root.path("finished").asBoolean(false), List.copyOf(results));
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    record Status(boolean finished, List<MessageResult> results) {}
}
