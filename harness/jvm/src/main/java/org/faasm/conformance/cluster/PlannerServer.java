package org.faasm.conformance.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.faasm.conformance.cluster.Exchanges.Response;

/**
 * Faasm's planner HTTP endpoint ({@code faabric:src/planner/PlannerEndpointHandler.cpp}, reference
 * §3.3), answering as it does: a request of any method whose body is {@code {http_type, payload}}, the
 * payload itself JSON. EXECUTE_BATCH schedules messages, or answers {@code 500 No available hosts}
 * when the cluster's message slots cannot take the whole batch; EXECUTE_BATCH_STATUS answers
 * {@code 500 App not registered in results} until the app's first result is in. Violations: OPTIONS
 * (a preflight the planner refuses with 400, so the browser never sends the real request), a batch
 * Faasm accepts but then mixes up (no messages, app id 0, a message id of 0 or already in use), and
 * the types the embedded cluster does not model.
 */
final class PlannerServer implements Exchanges.Route {
    static final int RESET = 1;
    static final int FLUSH_AVAILABLE_HOSTS = 2;
    static final int FLUSH_EXECUTORS = 3;
    static final int FLUSH_SCHEDULING_STATE = 4;
    static final int EXECUTE_BATCH = 10;
    static final int EXECUTE_BATCH_STATUS = 11;
    /** faabric.planner.HttpMessage.Type: its names, in order of their numbers (8 and 9 are unused). */
    private static final java.util.List<String> TYPE_NAMES = java.util.List.of("NO_TYPE", "RESET", "FLUSH_AVAILABLE_HOSTS",
            "FLUSH_EXECUTORS", "FLUSH_SCHEDULING_STATE", "GET_AVAILABLE_HOSTS", "GET_CONFIG", "GET_EXEC_GRAPH",
            "GET_IN_FLIGHT_APPS", "", "EXECUTE_BATCH", "EXECUTE_BATCH_STATUS", "PRELOAD_SCHEDULING_DECISION", "SET_POLICY",
            "GET_POLICY", "SET_NEXT_EVICTED_VM");
    private static final int MAX_REQUEST_BYTES = 64 << 20;
    /** How long a status request waits for a running app to make progress before answering. */
    private static final Duration STATUS_WAIT = Duration.ofMillis(20);

    private final Planner planner;
    private final Runnable flushWorkers;

    PlannerServer(Planner planner, Runnable flushWorkers) {
        this.planner = planner;
        this.flushWorkers = flushWorkers;
    }

    @Override
    public Response handle(HttpExchange exchange) throws HttpError, Violation, IOException {
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            throw new Violation("a CORS preflight: Faasm's planner answers 400 \"Empty request\", so the browser never"
                    + " sends the request; send text/plain POSTs, which need none");
        }
        String body = new String(Exchanges.body(exchange, MAX_REQUEST_BYTES), StandardCharsets.UTF_8);
        if (body.isEmpty()) {
            throw new HttpError(400, "Empty request");
        }
        JsonNode envelope = PlannerJson.parseObject(body, PlannerJson.ENVELOPE_FIELDS, "Bad JSON in request body");
        int type = httpType(PlannerJson.field(envelope, "http_type", "type"));
        String payload = PlannerJson.field(envelope, "payload", "payloadJson").asText("");
        return switch (type) {
            case EXECUTE_BATCH -> executeBatch(PlannerJson.parseObject(payload, PlannerJson.BATCH_FIELDS, "Bad JSON in body's payload"));
            case EXECUTE_BATCH_STATUS -> status(PlannerJson.parseObject(payload, PlannerJson.STATUS_FIELDS, "Bad JSON in request body"));
            // Faasm also forgets the registered hosts; the embedded cluster's workers are always there.
            case RESET -> {
                planner.flushResults();
                yield Response.text(200, "Planner fully reset!");
            }
            case FLUSH_AVAILABLE_HOSTS -> Response.text(200, "Flushed available hosts!");
            case FLUSH_EXECUTORS -> {
                flushWorkers.run();
                yield Response.text(200, "Flushed executors!");
            }
            case FLUSH_SCHEDULING_STATE -> {
                planner.flushResults();
                yield Response.text(200, "Flushed scheduling state!");
            }
            default -> {
                if (type > 0 && type < TYPE_NAMES.size() && !TYPE_NAMES.get(type).isEmpty()) {
                    throw new Violation(TYPE_NAMES.get(type) + " is not modelled by the embedded cluster");
                }
                throw new HttpError(400, "Unrecognised message type");
            }
        };
    }

    /** An enum by number (any number parses, as in proto3) or by name (an unknown name is bad JSON). */
    private static int httpType(JsonNode value) throws HttpError {
        if (value.isInt()) {
            return value.asInt();
        }
        if (value.isMissingNode()) {
            return 0;
        }
        int type = TYPE_NAMES.indexOf(value.asText(""));
        if (!value.isTextual() || type < 0 || value.asText().isEmpty()) {
            throw new HttpError(400, "Bad JSON in request body");
        }
        return type;
    }

    /** Checks the batch as faabric's isBatchExecRequestValid does, then schedules every message. */
    private Response executeBatch(JsonNode batch) throws HttpError, Violation {
        int appId = PlannerJson.field(batch, "appId", "app_id").asInt(0);
        String user = batch.path("user").asText("");
        JsonNode messages = batch.path("messages");
        if ((messages.isEmpty() && appId == 0) || user.isEmpty() || batch.path("function").asText("").isEmpty()) {
            throw new HttpError(400, "Bad BatchExecRequest");
        }
        for (JsonNode message : messages) {
            PlannerJson.checkFields(message, PlannerJson.MESSAGE_FIELDS, "Bad JSON in body's payload");
            if (!user.equals(message.path("user").asText("")) || PlannerJson.field(message, "appId", "app_id").asInt(0) != appId
                    || message.path("function").asText("").isEmpty()) {
                throw new HttpError(400, "Bad BatchExecRequest");
            }
        }
        checkIds(appId, messages);
        // Faasm's answer when no worker has slots for the batch; its clients retry it (reference §3.3).
        if (!planner.admit(messages.size())) {
            throw new HttpError(500, "No available hosts");
        }
        for (JsonNode message : messages) {
            planner.submit(message.get("id").asInt(), appId, user, message.get("function").asText(),
                    PlannerJson.field(message, "funcPtr", "func_ptr").asInt(0), input(message),
                    message.path("cmdline").asText(""));
        }
        return Response.text(200, "{\"appId\":" + appId + "}");
    }

    /** What Faasm accepts but then mixes up: its clients must choose fresh, non-zero ids (reference §3.3, §0.1 item 9). */
    private void checkIds(int appId, JsonNode messages) throws Violation {
        if (messages.isEmpty()) {
            throw new Violation("a batch with no messages: Faasm accepts it, but it is not modelled by the embedded cluster");
        }
        // An app id already in use is how chained calls join their app: Faasm schedules them as its scale change.
        if (appId == 0) {
            throw new Violation("app id 0: Faasm accepts it, but it is every unset app id, so its results mix with any other's");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode message : messages) {
            int id = message.path("id").asInt(0);
            if (id == 0 || !ids.add(id) || planner.isKnown(id)) {
                throw new Violation("message id " + id + (id == 0 ? "" : ", already in use")
                        + ": Faasm accepts it, but keeps results by message id, so they would collide");
            }
        }
    }

    private static byte[] input(JsonNode message) throws HttpError {
        String base64 = PlannerJson.field(message, "input_data", "inputData").asText("");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "Bad JSON in body's payload");
        }
    }

    private Response status(JsonNode request) throws HttpError {
        int appId = PlannerJson.field(request, "appId", "app_id").asInt(0);
        try {
            planner.awaitProgress(appId, STATUS_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return planner.status(appId)
                .map(status -> Response.text(200, PlannerJson.status(status)))
                .orElseThrow(() -> new HttpError(500, "App not registered in results"));
    }
}
