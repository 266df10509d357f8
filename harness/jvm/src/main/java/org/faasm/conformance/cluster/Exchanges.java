package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * What every route of the embedded cluster does alike, as Faasm's endpoints do: the same CORS and
 * content-type headers on every answer ({@code text/plain}, even for state bytes). A route's
 * {@link HttpError} is Faasm's own answer; a {@link Violation}, or a failure of the cluster itself,
 * is recorded in strict mode and answered 500 naming it.
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
        return exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Server", server);
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET,POST,PUT,OPTIONS");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "User-Agent,Content-Type");
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
