package org.faasm.conformance.faasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's fault handling, against a scripted planner on 127.0.0.1. */
class FaasmClientTest {
    private HttpServer server;
    private final Deque<String[]> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private FaasmClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String[] answer = answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = new FaasmClient(new FaasmEndpoints(uri, uri), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void noAvailableHostsIsRetriedWithBackoff() throws Exception {
        answers.add(new String[] {"500", "No available hosts"});
        answers.add(new String[] {"500", "No available hosts"});
        answers.add(new String[] {"200", "{\"appId\":7}"});
        client.executeBatch(7, "demo", List.of(new BatchMessage(8, "echo", 0, new byte[0], "")));
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void noAvailableHostsForeverIsAnErrorSayingSo() {
        answers.add(new String[] {"500", "No available hosts"});
        assertThatThrownBy(() -> client.executeBatch(7, "demo", List.of(new BatchMessage(8, "echo", 0, new byte[0], ""))))
                .isInstanceOf(FaasmApiException.class)
                .hasMessageContaining("No available hosts")
                .hasMessageContaining("after 8 attempts");
    }

    @Test
    void aResultThatNeverArrivesTimesOutInsteadOfPassing() {
        answers.add(new String[] {"500", "App not registered in results"});
        assertThatThrownBy(() -> client.awaitResults(7, 8, Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("no result for message 8 of app 7");
        // It asked at least once; how often fits in 300 ms depends on the machine's load. Polling on
        // through pending answers is waitsForTheAppToFinishAndFindsResultsById's part.
        assertThat(requests.get()).isPositive();
    }

    @Test
    void anUnexpectedPlannerAnswerIsAnErrorQuotingIt() {
        answers.add(new String[] {"400", "Bad JSON in request body"});
        assertThatThrownBy(() -> client.awaitResults(7, 8, Duration.ofSeconds(1)))
                .isInstanceOf(FaasmApiException.class)
                .hasMessageContaining("HTTP 400 Bad JSON in request body");
    }

    @Test
    void waitsForTheAppToFinishAndFindsResultsById() throws Exception {
        answers.add(new String[] {"500", "App not registered in results"});
        answers.add(new String[] {"200", "{\"appId\":7,\"messageResults\":[{\"id\":9,\"output_data\":\"child\"}]}"});
        answers.add(new String[] {"200", "{\"appId\":7,\"finished\":true,\"messageResults\":[{\"id\":9,\"output_data\":\"child\"},"
                + "{\"id\":8,\"output_data\":\"parent\",\"returnValue\":3,\"chainedMsgIds\":[9]}]}"});
        List<MessageResult> results = client.awaitResults(7, 8, Duration.ofSeconds(5));
        assertThat(results).extracting(MessageResult::id).containsExactly(9, 8);
        assertThat(ResultTree.build(results, 8)).satisfies(entry -> {
            assertThat(entry.returnValue()).isEqualTo(3);
            assertThat(entry.chained()).singleElement().satisfies(child -> assertThat(new String(child.output())).isEqualTo("child"));
        });
    }

    @Test
    void aClusterThatIsDownIsAnError() {
        server.stop(0);
        assertThat(client.ping()).isFalse();
        assertThatThrownBy(() -> client.uploadFunction("demo", "echo", new byte[] {0}))
                .isInstanceOf(FaasmApiException.class)
                .hasMessageContaining("cannot reach the upload server at http://127.0.0.1:");
    }
}
