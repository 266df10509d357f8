package org.faasm.conformance.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The harness's HTTP servers: the JDK server bound to 127.0.0.1 only, on an ephemeral port. */
public final class LoopbackHttp {
    static {
        // The JDK server otherwise stalls ~40 ms per small response (Nagle + delayed ACK); it reads
        // this once, so it is set before any server of the harness exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttp() {}

    /** A server on 127.0.0.1 and a free port, not yet started. */
    public static HttpServer create() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    }

    /** Sends a status and a body (none when empty) with its content type. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
