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
 * Faasm's planner HTTP endpoint (reference §3.3): a POST of {@code {http_type, payload}} whose payload
 * is itself JSON. EXECUTE_BATCH schedules messages; EXECUTE_BATCH_STATUS answers
 * {@code 500 App not registered in results} until the app's first result is in.
 */
final class PlannerServer implements Exchanges.Route {
    static final int RESET = 1;
    static final int FLUSH_AVAILABLE_HOSTS = 2;
    static final int FLUSH_EXECUTORS = 3;
    static final int FLUSH_SCHEDULING_STATE = 4;
    static final int GET_AVAILABLE_HOSTS = 5;
    static final int EXECUTE_BATCH = 10;
    static final int EXECUTE_BATCH_STATUS = 11;
    private static final int MAX_REQUEST_BYTES = 64 << 20;
    /** How long a status request waits for a running app to make progress before answering. */
    private static final Duration STATUS_WAIT = Duration.ofMillis(20);

    private final Planner planner;
    private final Runnable flushExecutors;

    PlannerServer(Planner planner, Runnable flushExecutors) {
        this.planner = planner;
        this.flushExecutors = flushExecutors;
    }

    @Override
    public Response handle(HttpExchange exchange) throws HttpError, IOException {
        String body = new String(Exchanges.body(exchange, MAX_REQUEST_BYTES), StandardCharsets.UTF_8);
        if (body.isBlank()) {
            throw new HttpError(400, "Empty request");
        }
        JsonNode envelope = PlannerJson.parseObject(body, PlannerJson.ENVELOPE_FIELDS, "request body");
        int type = httpType(PlannerJson.field(envelope, "http_type", "httpType"));
        String payload = envelope.path("payload").asText("");
        return switch (type) {
            case EXECUTE_BATCH -> executeBatch(PlannerJson.parseObject(payload, PlannerJson.BATCH_FIELDS, "request body's payload"));
            case EXECUTE_BATCH_STATUS -> status(PlannerJson.parseObject(payload, PlannerJson.STATUS_FIELDS, "request body's payload"));
            case RESET -> {
                planner.flushResults();
                flushExecutors.run();
                yield Response.text(200, "Planner fully reset!");
            }
            case FLUSH_EXECUTORS -> {
                flushExecutors.run();
                yield Response.text(200, "Flushed executors!");
            }
            case FLUSH_SCHEDULING_STATE -> {
                planner.flushResults();
                yield Response.text(200, "Flushed scheduling state!");
            }
            case FLUSH_AVAILABLE_HOSTS -> Response.text(200, "Flushed available hosts!");
            case GET_AVAILABLE_HOSTS -> Response.text(200, "{}");
            default -> throw new HttpError(400, "Unrecognised HTTP type " + type);
        };
    }

    private static int httpType(JsonNode value) throws HttpError {
        if (value.isInt()) {
            return value.asInt();
        }
        return switch (value.asText("")) {
            case "RESET" -> RESET;
            case "FLUSH_AVAILABLE_HOSTS" -> FLUSH_AVAILABLE_HOSTS;
            case "FLUSH_EXECUTORS" -> FLUSH_EXECUTORS;
            case "FLUSH_SCHEDULING_STATE" -> FLUSH_SCHEDULING_STATE;
            case "GET_AVAILABLE_HOSTS" -> GET_AVAILABLE_HOSTS;
            case "EXECUTE_BATCH" -> EXECUTE_BATCH;
            case "EXECUTE_BATCH_STATUS" -> EXECUTE_BATCH_STATUS;
            default -> throw new HttpError(400, "Bad JSON in request body: http_type " + value + " is not a known type");
        };
    }

    /** Checks the batch as faabric's isBatchExecRequestValid does, then schedules every message. */
    private Response executeBatch(JsonNode batch) throws HttpError {
        int appId = PlannerJson.field(batch, "appId", "app_id").asInt(0);
        String user = batch.path("user").asText("");
        if (appId == 0 || user.isEmpty() || batch.path("function").asText("").isEmpty()
                || !batch.path("messages").isArray() || batch.path("messages").isEmpty()) {
            throw new HttpError(400, "Bad BatchExecRequest: needs a non-zero appId, a user, a function and messages");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode message : batch.get("messages")) {
            PlannerJson.checkFields(message, PlannerJson.MESSAGE_FIELDS, "request body's payload");
            int id = message.path("id").asInt(0);
            if (id == 0 || !ids.add(id) || planner.isKnown(id)) {
                throw new HttpError(400, "Bad BatchExecRequest: message ids must be non-zero and unique, got " + id);
            }
            if (!user.equals(message.path("user").asText("")) || PlannerJson.field(message, "appId", "app_id").asInt(0) != appId
                    || message.path("function").asText("").isEmpty()) {
                throw new HttpError(400, "Bad BatchExecRequest: message " + id + " needs the batch's user and appId and a function");
            }
            Names.check("user", user);
            Names.check("function", message.get("function").asText());
        }
        for (JsonNode message : batch.get("messages")) {
            planner.submit(message.get("id").asInt(), appId, user, message.get("function").asText(),
                    PlannerJson.field(message, "funcPtr", "func_ptr").asInt(0), input(message),
                    message.path("cmdline").asText(""));
        }
        return Response.text(200, "{\"appId\":" + appId + "}");
    }

    private static byte[] input(JsonNode message) throws HttpError {
        String base64 = PlannerJson.field(message, "input_data", "inputData").asText("");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "Bad JSON in request body's payload: input_data is not base64");
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
