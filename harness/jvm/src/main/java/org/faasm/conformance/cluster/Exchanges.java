package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.support.LoopbackGuard;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * What every route of the embedded cluster does alike: Faasm's content type on every answer ({@code text/plain},
 * even for state bytes), and nothing for a request from anyone but this machine's own clients
 * ({@link LoopbackGuard}: its own Host, no Origin, since no page calls the cluster but through the browser
 * backend's same-origin proxy). Faasm's endpoints also allow any origin by CORS; this cluster does not, so a
 * web page open while a run goes on cannot drive it. A route's {@link HttpError} is Faasm's own answer; a
 * {@link Violation}, or a failure of the cluster itself, is recorded in strict mode and answered 500 naming it.
 */
final class Exchanges {
    private Exchanges() {}

    @FunctionalInterface
    interface Route {
        Response handle(HttpExchange exchange) throws HttpError, Violation, IOException;
    }

    record Response(int status, byte[] body) {
        static Response text(int status, String body) {
            return new Response(status, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static HttpHandler handler(String server, Route route, Violations violations) {
        LoopbackGuard guard = new LoopbackGuard("the embedded cluster's " + server, Set.of());
        return exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Server", server);
                Optional<String> refused = guard.refusal(exchange);
                if (refused.isPresent()) {
                    LoopbackHttp.send(exchange, 403, "text/plain", refused.get().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
                Response response;
                try {
                    response = route.handle(exchange);
                } catch (HttpError e) {
                    response = Response.text(e.status, e.getMessage());
                } catch (Violation e) {
                    response = Response.text(500, "strict mode: " + violations.record(request, e.getMessage()));
                } catch (RuntimeException e) {
                    response = Response.text(500, "strict mode: " + violations.record(request, "the embedded cluster failed: " + e));
                }
                LoopbackHttp.send(exchange, response.status(), "text/plain", response.body());
            }
        };
    }

    /**
     * The request body; Faasm takes any size, but a body beyond {@code limit} bytes is more than this
     * cluster holds. A declared length beyond it is refused before a byte of the body is read.
     */
    static byte[] body(HttpExchange exchange, int limit) throws Violation, IOException {
        if (LoopbackHttp.declaredLength(exchange) > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static Violation tooLarge(int limit) {
        return new Violation("a body larger than the embedded cluster accepts (" + limit + " bytes)");
    }
}
