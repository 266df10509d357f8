package org.faasm.conformance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import org.faasm.conformance.run.ProjectLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded cluster over real HTTP on 127.0.0.1, including the requests it must refuse. */
class EmbeddedClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.start(2, Duration.ofSeconds(2));
        for (String function : new String[] {"echo", "chain_by_name", "loop_forever", "state_read_given"}) {
            byte[] wasm = Files.readAllBytes(ProjectLayout.locate().wasm().resolve(function + ".wasm"));
            assertThat(send(put(cluster.uploadUri(), "/f/demo/" + function, wasm)).body()).isEqualTo("Function upload complete\n");
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void pingAnswersPong() throws Exception {
        HttpResponse<String> ping = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/ping")).GET().build());
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("PONG");
        assertThat(ping.headers().firstValue("Access-Control-Allow-Origin")).as("no page of another site may read it").isEmpty();
    }

    /** A page that rebinds its name to 127.0.0.1, or one of another site sending a simple request, reaches no route. */
    @Test
    void aForeignHostOrOriginIsRefusedAndChangesNothing() throws Exception {
        int port = cluster.plannerUri().getPort();
        String batch = envelope(10, batch(424299, 777299, "echo", "from a page"));
        assertThat(raw(port, "Host: rebound.example:" + port, batch)).startsWith("HTTP/1.1 403").contains("refused: Host rebound.example:" + port);
        assertThat(raw(port, "Host: 127.0.0.1:" + port + "\r\nOrigin: http://evil.example", batch)).startsWith("HTTP/1.1 403")
                .contains("refused: Origin http://evil.example");
        HttpResponse<String> status = planner(11, "{\"appId\":424299}");
        assertThat(status.body()).as("the refused batches never ran").doesNotContain("777299");
        assertThat(raw(port, "Host: localhost:" + port, envelope(11, "{\"appId\":424299}"))).startsWith("HTTP/1.1 ");
        assertThat(raw(port, "Host: localhost:" + port, envelope(11, "{\"appId\":424299}"))).doesNotStartWith("HTTP/1.1 403");
    }

    /** One request as a page's browser would send it, with the given headers; the whole answer. */
    private static String raw(int port, String headers, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\n" + headers + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void executesABatchAndReportsItsResultByMessageId() throws Exception {
        HttpResponse<String> submitted = planner(10, batch(424242, 777001, "echo", "hello"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).isEqualTo("{\"appId\":424242}");
        JsonNode status = awaitFinished(424242);
        JsonNode result = status.get("messageResults").get(0);
        assertThat(result.get("id").asInt()).isEqualTo(777001);
        assertThat(result.get("output_data").asText()).isEqualTo("hello");
        assertThat(result.get("input_data").asText()).isEqualTo(base64("hello"));
        assertThat(result.has("returnValue")).as("default values are omitted").isFalse();
        assertThat(result.get("start_ts").isTextual()).as("int64 values are strings").isTrue();
    }

    @Test
    void chainedCallsShareTheAppAndAreListedAsChildren() throws Exception {
        planner(10, batch(5150, 5151, "chain_by_name", ""));
        JsonNode status = awaitFinished(5150);
        assertThat(status.get("messageResults")).hasSize(2);
        JsonNode parent = find(status, 5151);
        assertThat(parent.get("chainedMsgIds")).hasSize(1);
        JsonNode child = find(status, parent.get("chainedMsgIds").get(0).asInt());
        assertThat(child.get("function").asText()).isEqualTo("echo");
        assertThat(child.get("appId").asInt()).isEqualTo(5150);
    }

    @Test
    void statusOfAnAppWithNoResultYetIs500AppNotRegistered() throws Exception {
        HttpResponse<String> status = planner(11, "{\"appId\":999999}");
        assertThat(status.statusCode()).isEqualTo(500);
        assertThat(status.body()).isEqualTo("App not registered in results");
    }

    @Test
    void aMessageThatNeverFinishesFailsAtItsDeadline() throws Exception {
        planner(10, batch(31337, 31338, "loop_forever", ""));
        JsonNode result = awaitFinished(31337).get("messageResults").get(0);
        assertThat(result.get("returnValue").asInt()).isEqualTo(1);
        assertThat(result.get("output_data").asText()).contains("no result within 2000 ms");
    }

    @Test
    void stateRoundTripsAndIsSeenByFunctions() throws Exception {
        HttpResponse<String> put = send(put(cluster.uploadUri(), "/s/demo/greeting", "ABCD".getBytes()));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).as("Faasm answers a state PUT with no body").isEmpty();
        HttpResponse<String> got = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/s/demo/greeting")).GET().build());
        assertThat(got.body()).isEqualTo("ABCD");
        assertThat(got.headers().firstValue("Content-Type")).contains("text/plain");
        planner(10, batch(6060, 6061, "state_read_given", ""));
        assertThat(find(awaitFinished(6060), 6061).get("output_data").asText()).isEqualTo("size=4 value=ABCD");
    }

    @Test
    void badRequestsGetFaasmsOwnAnswersAndTheServerStaysUp() throws Exception {
        assertThat(send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/f/demo/echo")).GET().build()).body())
                .isEqualTo("Unrecognised GET request to f/demo/echo");
        assertThat(send(put(cluster.uploadUri(), "/x/y", new byte[] {1})).body()).isEqualTo("Unrecognised PUT request to x/y");
        HttpResponse<String> shortPath = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/s/demo")).GET().build());
        assertThat(shortPath.statusCode()).isEqualTo(400);
        assertThat(shortPath.body()).isEqualTo("Bad URL, expected single path part s/demo");
        assertThat(send(put(cluster.uploadUri(), "/s/demo/nothing", new byte[0])).statusCode()).as("an empty PUT does nothing").isEqualTo(200);
        assertThat(planner("").body()).isEqualTo("Empty request");
        assertThat(planner("{not json").body()).isEqualTo("Bad JSON in request body");
        assertThat(planner("{\"http_type\":10,\"payload\":\"{}\",\"extra\":1}").body()).isEqualTo("Bad JSON in request body");
        assertThat(planner("{\"http_type\":99}").body()).isEqualTo("Unrecognised message type");
        HttpResponse<String> mixedUsers = planner(10,
                "{\"appId\":1,\"user\":\"demo\",\"function\":\"echo\",\"messages\":[{\"id\":5,\"appId\":1,\"user\":\"other\",\"function\":\"echo\"}]}");
        assertThat(mixedUsers.statusCode()).isEqualTo(400);
        assertThat(mixedUsers.body()).isEqualTo("Bad BatchExecRequest");
        assertThat(planner(10, "{\"appId\":1,\"user\":\"demo\",\"function\":\"echo\",\"bogus\":true}").body())
                .isEqualTo("Bad JSON in body's payload");
        pingAnswersPong();
    }

    @Test
    void stateSurvivesResetAndFlushes() throws Exception {
        send(put(cluster.uploadUri(), "/s/demo/kept", "KEPT".getBytes()));
        for (int type : new int[] {1, 3, 4}) {
            assertThat(planner(type, "").statusCode()).isEqualTo(200);
        }
        assertThat(send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/s/demo/kept")).GET().build()).body()).isEqualTo("KEPT");
    }

    @Test
    void strictModeFailsAGetOfAStateKeyWithNoValue() throws Exception {
        EmbeddedCluster own = EmbeddedCluster.start(1, Duration.ofSeconds(2));
        HttpResponse<String> got = send(HttpRequest.newBuilder(own.uploadUri().resolve("/s/demo/never_written")).GET().build());
        assertThat(got.statusCode()).isEqualTo(500);
        assertThat(got.body()).contains("strict mode: GET /s/demo/never_written").contains("has no value");
        assertThatThrownBy(own::checkStrict).isInstanceOf(StrictModeViolation.class).hasMessageContaining("GET /s/demo/never_written");
        own.checkStrict();
        own.close();
    }

    @Test
    void sharedFilesRoundTripThroughTheFileEndpointAndAreSeenByFunctions() throws Exception {
        byte[] wasm = Files.readAllBytes(ProjectLayout.locate().wasm().resolve("file_shared.wasm"));
        send(put(cluster.uploadUri(), "/f/demo/file_shared", wasm));
        HttpResponse<String> put = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/file"))
                .header("FilePath", "conformance/shared_in.txt").PUT(HttpRequest.BodyPublishers.ofString("hi")).build());
        assertThat(put.statusCode()).isEqualTo(200);
        planner(10, batch(6070, 6071, "file_shared", ""));
        assertThat(find(awaitFinished(6070), 6071).get("output_data").asText()).isEqualTo("read hi");
        HttpResponse<String> written = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/file"))
                .header("FilePath", "conformance/shared_out.txt").GET().build());
        assertThat(written.body()).as("what the function wrote to faasm://conformance/shared_out.txt").isEqualTo("hi and back");
        HttpResponse<String> noHeader = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/file")).GET().build());
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).isEqualTo("Bad request, expected file path header FilePath");
    }

    @Test
    void strictModeFailsAGetOfASharedFileThatDoesNotExist() throws Exception {
        EmbeddedCluster own = EmbeddedCluster.start(1, Duration.ofSeconds(2));
        HttpResponse<String> got = send(HttpRequest.newBuilder(own.uploadUri().resolve("/file")).header("FilePath", "nowhere.txt").GET().build());
        assertThat(got.statusCode()).isEqualTo(500);
        assertThatThrownBy(own::checkStrict).isInstanceOf(StrictModeViolation.class).hasMessageContaining("shared file 'nowhere.txt'");
        own.close();
    }

    @Test
    void strictModeFailsOptionsAtCloseIfNobodyCheckedBefore() throws Exception {
        EmbeddedCluster own = EmbeddedCluster.start(1, Duration.ofSeconds(2));
        for (URI server : new URI[] {own.uploadUri(), own.plannerUri()}) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(server.resolve("/s/demo/k"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(preflight.statusCode()).isEqualTo(500);
            assertThat(preflight.body()).startsWith("strict mode: OPTIONS /s/demo/k");
        }
        assertThatThrownBy(own::close).isInstanceOf(StrictModeViolation.class)
                .hasMessageContaining("Unrecognised request method").hasMessageContaining("Empty request");
    }

    @Test
    void strictModeFailsWhatFaasmAcceptsButMixesUp() throws Exception {
        EmbeddedCluster own = EmbeddedCluster.start(1, Duration.ofSeconds(2));
        send(put(own.uploadUri(), "/s/demo/four", "ABCD".getBytes()));
        assertThat(send(put(own.uploadUri(), "/s/demo/four", "AB".getBytes())).body()).contains("reading past its end");
        assertThat(send(put(own.uploadUri(), "/f/demo/garbage", "not wasm".getBytes())).body()).contains("codegen");
        HttpResponse<String> appZero = send(HttpRequest.newBuilder(own.plannerUri()).POST(HttpRequest.BodyPublishers.ofString(
                envelope(10, batch(0, 1, "echo", "")))).build());
        assertThat(appZero.body()).contains("app id 0");
        assertThatThrownBy(own::close).isInstanceOf(StrictModeViolation.class)
                .hasMessageContaining("PUT /s/demo/four").hasMessageContaining("PUT /f/demo/garbage").hasMessageContaining("POST /");
    }

    @Test
    void anUnknownFunctionFailsLikeFaasm() throws Exception {
        planner(10, batch(8080, 8081, "not_uploaded", ""));
        JsonNode result = awaitFinished(8080).get("messageResults").get(0);
        assertThat(result.get("returnValue").asInt()).isEqualTo(1);
        assertThat(result.get("output_data").asText()).isEqualTo("Error trying to claim executor");
    }

    private static JsonNode awaitFinished(int appId) throws Exception {
        return PlannerRequests.awaitFinished(cluster.plannerUri(), appId, Duration.ofSeconds(10));
    }

    private static JsonNode find(JsonNode status, int id) {
        for (JsonNode result : status.get("messageResults")) {
            if (result.get("id").asInt() == id) {
                return result;
            }
        }
        throw new AssertionError("no result for message " + id + " in " + status);
    }

    private static String batch(int appId, int messageId, String function, String input) {
        return "{\"appId\":" + appId + ",\"user\":\"demo\",\"function\":\"" + function + "\",\"messages\":[{\"id\":" + messageId
                + ",\"appId\":" + appId + ",\"user\":\"demo\",\"function\":\"" + function + "\",\"input_data\":\"" + base64(input) + "\"}]}";
    }

    private static HttpResponse<String> planner(int type, String payload) throws Exception {
        return planner(envelope(type, payload));
    }

    private static String envelope(int type, String payload) {
        return JSON.createObjectNode().put("http_type", type).put("payload", payload).toString();
    }

    private static HttpResponse<String> planner(String body) throws Exception {
        return send(HttpRequest.newBuilder(cluster.plannerUri()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest put(URI base, String path, byte[] body) {
        return HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
