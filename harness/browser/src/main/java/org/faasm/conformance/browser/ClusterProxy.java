package org.faasm.conformance.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * Forwards the page's cluster requests to the cluster from the page's own origin. A cross-origin PUT
 * makes the browser send a CORS preflight, and Faasm's upload server crashes on OPTIONS (reference
 * §3.2); same-origin requests need none. Mounted at {@code <prefix>/…}, it sends {@code <target>/…}
 * with the same method and body and relays status and body, only ever to the target's own origin.
 * Only GET, PUT and POST are forwarded: any other method would crash the upload server, so the proxy
 * refuses it itself.
 */
final class ClusterProxy implements HttpHandler {
    private static final int MAX_BODY = 64 << 20;
    private static final Set<String> FORWARDED = Set.of("GET", "PUT", "POST");

    private final String prefix;
    private final URI target;
    private final Duration timeout;
    private final HttpClient client;

    ClusterProxy(String prefix, URI target, Duration timeout) {
        this.prefix = prefix;
        this.target = target;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!FORWARDED.contains(exchange.getRequestMethod())) {
                reply(exchange, 405, exchange.getRequestMethod() + " is not forwarded: it would crash Faasm's upload server");
                return;
            }
            Optional<URI> forwarded = forwardedUri(exchange.getRequestURI().getRawPath());
            if (forwarded.isEmpty()) {
                reply(exchange, 404, "not forwarded: only paths under " + prefix + "/ go to the cluster at " + target);
                return;
            }
            URI uri = forwarded.get();
            if (LoopbackHttp.declaredLength(exchange) > MAX_BODY) {
                reply(exchange, 413, "request body larger than " + MAX_BODY + " bytes");
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                reply(exchange, 413, "request body larger than " + MAX_BODY + " bytes");
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", contentType(exchange))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                LoopbackHttp.send(exchange, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/octet-stream"), response.body());
            } catch (IOException e) {
                reply(exchange, 502, "cluster unreachable at " + uri + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "proxy interrupted");
            }
        }
    }

    /**
     * Where a request for {@code rawPath} goes: the same path below the target, or nothing when the path
     * is not under the prefix's folder (the server hands this handler every path that merely starts with
     * the prefix, such as {@code /faasm-upload@host:port/x}) or the result has another origin than the target's.
     */
    private Optional<URI> forwardedUri(String rawPath) {
        String rest = rawPath.substring(prefix.length());
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(target.toString().replaceFirst("/$", "") + (rest.isEmpty() ? "/" : rest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return sameOrigin(uri, target) ? Optional.of(uri) : Optional.empty();
    }

    /** Scheme and authority (user info, host and port) exactly the target's. */
    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getRawAuthority(), b.getRawAuthority());
    }

    private static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "application/octet-stream" : type;
    }

    /** The proxy's own answer, when the cluster could not give one. */
    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        LoopbackHttp.send(exchange, status, "text/plain", message.getBytes(StandardCharsets.UTF_8));
    }
}
