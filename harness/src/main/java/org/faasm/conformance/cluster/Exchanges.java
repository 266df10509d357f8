package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * What every route of the embedded cluster does alike: CORS headers (Faasm's servers send
 * {@code Access-Control-Allow-Origin: *}), OPTIONS answered (where Faasm's upload server crashes),
 * bounded request bodies, and every failure answered with a status and a message, never a crash.
 */
final class Exchanges {
    private Exchanges() {}

    @FunctionalInterface
    interface Route {
        Response handle(HttpExchange exchange) throws HttpError, IOException;
    }

    record Response(int status, byte[] body, String contentType) {
        static Response text(int status, String body) {
            return new Response(status, body.getBytes(StandardCharsets.UTF_8), "text/plain");
        }

        static Response bytes(byte[] body) {
            return new Response(200, body, "application/octet-stream");
        }
    }

    static HttpHandler handler(Route route) {
        return exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, PUT, POST, OPTIONS");
                    exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                Response response;
                try {
                    response = route.handle(exchange);
                } catch (HttpError e) {
                    response = Response.text(e.status, e.getMessage());
                } catch (RuntimeException e) {
                    response = Response.text(500, "internal error: " + e);
                }
                send(exchange, response);
            }
        };
    }

    /** The request body, refused with 413 when larger than {@code limit} bytes. */
    static byte[] body(HttpExchange exchange, int limit) throws HttpError, IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new HttpError(413, "request body larger than " + limit + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        LoopbackHttp.send(exchange, response.status(), response.contentType(), response.body());
    }
}
