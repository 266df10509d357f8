package org.faasm.conformance.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests to an embedded planner as the tests send them: a typed envelope, and polling an app until it finishes. */
public final class PlannerRequests {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Far beyond how long any planner request takes, even on a loaded machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private PlannerRequests() {}

    public static HttpResponse<String> send(URI planner, int type, String payload) throws Exception {
        String body = JSON.createObjectNode().put("http_type", type).put("payload", payload).toString();
        return HTTP.send(HttpRequest.newBuilder(planner).timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls EXECUTE_BATCH_STATUS until the app has finished; fails the test past {@code patience}. */
    public static JsonNode awaitFinished(URI planner, int appId, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = send(planner, 11, "{\"appId\":" + appId + "}");
            if (status.statusCode() == 200) {
                JsonNode node = JSON.readTree(status.body());
                if (node.path("finished").asBoolean(false)) {
                    return node;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("app " + appId + " did not finish");
    }
}
