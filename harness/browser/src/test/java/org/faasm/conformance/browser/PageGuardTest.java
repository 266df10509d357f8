package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.faasm.conformance.run.ProjectLayout;
import org.junit.jupiter.api.Test;

/**
 * serve's page server takes its run from no one but the browser given the URL it prints: a request without the run's
 * key, one from a page of another site (its Origin), and one through a name rebound to 127.0.0.1 (its Host) are
 * refused, and none of them takes the run.
 */
class PageGuardTest {

    @Test
    void onlyTheBrowserWithTheRunsKeyTakesTheRun() throws Exception {
        try (SuiteServer server = SuiteServer.start(ProjectLayout.locate().wasm(), Instant.now().plusSeconds(3))) {
            URI url = server.url();
            int port = url.getPort();
            String key = url.getQuery().substring("key=".length());
            String hello = "{\"bridge\":\"jspi\",\"userAgent\":\"Mozilla/5.0 HeadlessChrome/156.0.0.0\"}";

            assertThat(request(port, "GET /suite.html", "Host: 127.0.0.1:" + port, "")).startsWith("HTTP/1.1 403")
                    .contains("the run's key is missing");
            assertThat(request(port, "POST /suite/hello", "Host: 127.0.0.1:" + port, hello)).startsWith("HTTP/1.1 403");
            assertThat(request(port, "POST /suite/hello", "Host: 127.0.0.1:" + port + "\r\nOrigin: http://evil.example\r\nCookie: "
                    + PageGuard.COOKIE + "=" + key, hello)).startsWith("HTTP/1.1 403").contains("Origin http://evil.example");
            assertThat(request(port, "GET /suite.html?key=" + key, "Host: rebound.example:" + port, "")).startsWith("HTTP/1.1 403")
                    .contains("Host rebound.example");

            String page = request(port, "GET /suite.html?key=" + key, "Host: 127.0.0.1:" + port, "");
            assertThat(page).startsWith("HTTP/1.1 200").containsIgnoringCase("Set-Cookie: " + PageGuard.COOKIE + "=" + key + "; Path=/; HttpOnly; SameSite=Strict");

            assertThat(server.awaitBrowser()).as("no refused request took the run").isEmpty();
        }
    }

    private static String request(int port, String line, String headers, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((line + " HTTP/1.1\r\n" + headers + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
