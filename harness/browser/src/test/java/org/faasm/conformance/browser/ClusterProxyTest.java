package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.support.LoopbackHttp;
import org.junit.jupiter.api.Test;

/** The page's proxy reaches the configured cluster and nothing else, whatever path the page asks for. */
class ClusterProxyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void forwardsOnlyToTheClustersExactOrigin() throws Exception {
        AtomicInteger strays = new AtomicInteger();
        HttpServer cluster = listener("cluster", new AtomicInteger());
        HttpServer elsewhere = listener("elsewhere", strays);
        HttpServer page = LoopbackHttp.create();
        page.createContext("/faasm-upload", new ClusterProxy("/faasm-upload", origin(cluster), Duration.ofSeconds(10)));
        page.start();
        try {
            int other = elsewhere.getAddress().getPort();
            assertThat(get(page, "/faasm-upload/ping").body()).isEqualTo("cluster /ping");
            assertThat(get(page, "/faasm-upload//127.0.0.1:" + other + "/x").body())
                    .as("a doubled slash stays a request to the cluster").startsWith("cluster ");
            for (String steered : List.of("/faasm-upload@127.0.0.1:" + other + "/x", "/faasm-upload:" + other + "/x",
                    "/faasm-upload.localhost:" + other + "/x", "/faasm-uploadx/y")) {
                HttpResponse<String> refused = get(page, steered);
                assertThat(refused.statusCode()).as(steered).isEqualTo(404);
                assertThat(refused.body()).startsWith("not forwarded");
            }
            assertThat(strays).as("requests that reached the other listener").hasValue(0);
        } finally {
            page.stop(0);
            cluster.stop(0);
            elsewhere.stop(0);
        }
    }

    /** A listener that answers every request with its name and the path, counting them in {@code hits}. */
    private static HttpServer listener(String name, AtomicInteger hits) throws Exception {
        HttpServer server = LoopbackHttp.create();
        server.createContext("/", exchange -> {
            try (exchange) {
                hits.incrementAndGet();
                LoopbackHttp.send(exchange, 200, "text/plain",
                        (name + " " + exchange.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return server;
    }

    private static URI origin(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static HttpResponse<String> get(HttpServer page, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(origin(page) + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
