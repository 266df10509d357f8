package org.faasm.conformance.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * The planner's JSON, as faabric's protobuf JSON utilities write it (reference §3.3): unknown fields
 * rejected, either the JSON name or the proto field name accepted, default values omitted, int64 as
 * strings, bytes as base64.
 */
final class PlannerJson {
    static final ObjectMapper JSON = new org.faasm.conformance.support.BoundedJsonMapper();

    /** faabric.planner.HttpMessage */
    static final Set<String> ENVELOPE_FIELDS = Set.of("http_type", "type", "payload", "payloadJson");
    /** faabric.BatchExecuteRequest */
    static final Set<String> BATCH_FIELDS = Set.of("appId", "app_id", "groupId", "group_id", "user", "function", "type",
            "snapshotKey", "snapshot_key", "messages", "subType", "sub_type", "contextData", "context_data", "singleHost",
            "single_host", "singleHostHint", "single_host_hint", "elasticScaleHint", "elastic_scale_hint");
    /** faabric.Message */
    static final Set<String> MESSAGE_FIELDS = Set.of("id", "appId", "app_id", "appIdx", "app_idx", "mainHost", "main_host",
            "type", "user", "function", "input_data", "inputData", "output_data", "outputData", "funcPtr", "func_ptr",
            "returnValue", "return_value", "snapshotKey", "snapshot_key", "start_ts", "startTimestamp", "resultKey",
            "result_key", "executesLocally", "executes_locally", "statusKey", "status_key", "executedHost", "executed_host",
            "finish_ts", "finishTimestamp", "python", "py_user", "pyUser", "py_func", "pyFunc", "pythonEntry",
            "python_entry", "groupId", "group_id", "groupIdx", "group_idx", "groupSize", "group_size", "mpi", "isMpi",
            "mpiWorldId", "mpi_world_id", "mpiRank", "mpi_rank", "mpi_world_size", "mpiWorldSize", "cmdline",
            "record_exec_graph", "recordExecGraph", "chainedMsgIds", "chained_msg_ids", "intExecGraphDetails",
            "int_exec_graph_details", "execGraphDetails", "exec_graph_details", "isOmp", "is_omp", "ompNumThreads",
            "omp_num_threads");
    /** faabric.BatchExecuteRequestStatus */
    static final Set<String> STATUS_FIELDS = Set.of("appId", "app_id", "finished", "messageResults", "message_results",
            "expectedNumMessages", "expected_num_messages");

    private PlannerJson() {}

    /** A JSON object with only {@code allowed} fields, else 400 with faabric's {@code error} text. */
    static JsonNode parseObject(String json, Set<String> allowed, String error) throws HttpError {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, error);
        }
        checkFields(node, allowed, error);
        return node;
    }

    static void checkFields(JsonNode node, Set<String> allowed, String error) throws HttpError {
        if (node == null || !node.isObject()) {
            throw new HttpError(400, error);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                throw new HttpError(400, error);
            }
        }
    }

    /** A field by its JSON name or its proto name. */
    static JsonNode field(JsonNode node, String jsonName, String protoName) {
        JsonNode value = node.get(jsonName);
        return value != null ? value : node.path(protoName);
    }

    static String status(AppStatus status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("appId", status.appId());
        if (status.finished()) {
            root.put("finished", true);
        }
        ArrayNode results = root.putArray("messageResults");
        status.results().forEach(result -> results.add(message(result)));
        return root.toString();
    }

    private static ObjectNode message(MessageResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", result.message().id());
        node.put("appId", result.message().appId());
        node.put("user", result.message().user());
        node.put("function", result.message().function());
        if (result.message().input().length > 0) {
            node.put("input_data", Base64.getEncoder().encodeToString(result.message().input()));
        }
        String output = new String(result.observation().output(), StandardCharsets.UTF_8);
        if (!output.isEmpty()) {
            node.put("output_data", output);
        }
        if (result.message().funcPtr() != 0) {
            node.put("funcPtr", result.message().funcPtr());
        }
        if (result.observation().returnValue() != 0) {
            node.put("returnValue", result.observation().returnValue());
        }
        if (!result.message().cmdline().isEmpty()) {
            node.put("cmdline", result.message().cmdline());
        }
        node.put("start_ts", Long.toString(result.startMillis()));
        node.put("executedHost", result.executedHost());
        node.put("finish_ts", Long.toString(result.finishMillis()));
        if (!result.chainedIds().isEmpty()) {
            ArrayNode chained = node.putArray("chainedMsgIds");
            result.chainedIds().forEach(chained::add);
        }
        return node;
    }
}
