package org.faasm.conformance.faasm;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A client for Faasm's HTTP API (reference §3), on REST-assured: upload functions, execute a batch,
 * poll its status until the results are in, write state, flush. It never reads state with
 * {@code GET /s/}, which crashes Faasm's upload server for a key with no value: see {@link StateProbe}. Every request has connect
 * and read timeouts; every wait has a deadline.
 */
public final class FaasmClient {
    static final String PENDING = "App not registered in results";
    static final String NO_HOSTS = "No available hosts";
    private static final int NO_HOSTS_RETRIES = 8;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(2);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(200);

    /** faasm:include/storage/FileLoader.h:12 */
    private static final String FILE_PATH_HEADER = "FilePath";

    private final FaasmEndpoints endpoints;
    private final RestAssuredConfig config;

    public FaasmClient(FaasmEndpoints endpoints, Duration requestTimeout) {
        this.endpoints = endpoints;
        int millis = (int) requestTimeout.toMillis();
        this.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis));
    }

    public FaasmEndpoints endpoints() {
        return endpoints;
    }

    public boolean ping() {
        try {
            Response response = reach("upload server", endpoints.upload(), () -> upload().get("/ping"));
            return response.statusCode() == 200 && response.asString().startsWith("PONG");
        } catch (FaasmApiException e) {
            return false;
        }
    }

    public void uploadFunction(String user, String function, byte[] wasm) {
        Response response = reach("upload server", endpoints.upload(),
                () -> upload().contentType("application/octet-stream").body(wasm).put("/f/{user}/{function}", user, function));
        expectOk(response, "upload of " + user + "/" + function);
    }

    /** Uploads a shared file (read by functions as {@code faasm://<path>}) through {@code PUT /file}. */
    public void putSharedFile(String path, byte[] contents) {
        Response response = reach("upload server", endpoints.upload(), () -> upload().contentType("application/octet-stream")
                .header(FILE_PATH_HEADER, path).body(contents).put("/file"));
        expectOk(response, "PUT of shared file " + path);
    }

    /** Downloads a shared file through {@code GET /file}; Faasm's server dies on one that does not exist, so ask only for those that should. */
    public byte[] getSharedFile(String path) {
        Response response = reach("upload server", endpoints.upload(), () -> upload().header(FILE_PATH_HEADER, path).get("/file"));
        expectOk(response, "GET of shared file " + path);
        return response.asByteArray();
    }

    public void putState(String user, String key, byte[] value) {
        Response response = reach("upload server", endpoints.upload(),
                () -> upload().contentType("application/octet-stream").body(value).put("/s/{user}/{key}", user, key));
        expectOk(response, "PUT of state " + user + "/" + key);
    }

    /** Submits a batch, retrying {@code 500 No available hosts} with backoff as faasmctl does. */
    public void executeBatch(int appId, String user, List<BatchMessage> messages) throws InterruptedException {
        String request = PlannerMessages.envelope(PlannerMessages.EXECUTE_BATCH, PlannerMessages.batch(appId, user, messages));
        Duration backoff = Duration.ofMillis(50);
        for (int attempt = 1; ; attempt++) {
            Response response = planner(request);
            if (response.statusCode() == 200) {
                return;
            }
            if (!response.asString().contains(NO_HOSTS) || attempt == NO_HOSTS_RETRIES) {
                throw failure(response, "EXECUTE_BATCH of app " + appId + (attempt > 1 ? " after " + attempt + " attempts" : ""));
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2);
        }
    }

    /**
     * Polls EXECUTE_BATCH_STATUS until the app has finished and {@code messageId}'s result is in,
     * treating {@code 500 App not registered in results} as pending. Past the deadline it throws,
     * so a result that never arrives can never pass for a success.
     */
    public List<MessageResult> awaitResults(int appId, int messageId, Duration deadline) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + deadline.toNanos();
        Duration interval = POLL_INTERVAL;
        String request = PlannerMessages.envelope(PlannerMessages.EXECUTE_BATCH_STATUS, PlannerMessages.status(appId));
        while (true) {
            Response response = planner(request);
            if (response.statusCode() == 200) {
                PlannerMessages.Status status = PlannerMessages.parseStatus(response.asString());
                if (status.finished() && status.results().stream().anyMatch(r -> r.id() == messageId)) {
                    return status.results();
                }
            } else if (!(response.statusCode() == 500 && response.asString().contains(PENDING))) {
                throw failure(response, "EXECUTE_BATCH_STATUS of app " + appId);
            }
            if (System.nanoTime() > end) {
                throw new TimeoutException("no result for message " + messageId + " of app " + appId + " within " + deadline.toMillis() + " ms");
            }
            Thread.sleep(interval.toMillis());
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : interval.multipliedBy(2);
        }
    }

    /** Clears workers' caches and the planner's stored results between suites. */
    public void flush() {
        expectOk(planner(PlannerMessages.envelope(PlannerMessages.FLUSH_EXECUTORS, "")), "FLUSH_EXECUTORS");
        expectOk(planner(PlannerMessages.envelope(PlannerMessages.FLUSH_SCHEDULING_STATE, "")), "FLUSH_SCHEDULING_STATE");
    }

    private Response planner(String body) {
        // text/plain: the planner ignores the content type, and browsers send it without a preflight.
        return reach("planner", endpoints.planner(),
                () -> given().config(config).baseUri(endpoints.planner().toString()).contentType("text/plain").body(body).post("/"));
    }

    /** Runs a request; a refused or timed-out connection (REST-assured throws those unchecked) names the endpoint. */
    private static Response reach(String what, java.net.URI where, java.util.function.Supplier<Response> request) {
        try {
            return request.get();
        } catch (Exception e) {
            throw new FaasmApiException("cannot reach the " + what + " at " + where + ": " + e);
        }
    }

    private RequestSpecification upload() {
        return given().config(config).baseUri(endpoints.upload().toString()).urlEncodingEnabled(true);
    }

    private static void expectOk(Response response, String what) {
        if (response.statusCode() != 200) {
            throw failure(response, what);
        }
    }

    private static FaasmApiException failure(Response response, String what) {
        return new FaasmApiException(what + " failed: HTTP " + response.statusCode() + " "
                + PlannerMessages.abbreviate(response.asString()));
    }
}
