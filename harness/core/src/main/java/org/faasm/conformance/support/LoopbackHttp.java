package org.faasm.conformance.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The harness's HTTP servers: the JDK server bound to 127.0.0.1 only, on an ephemeral port, with
 * deadlines on every connection, so a client that sends half a request or never reads its answer
 * cannot hold a handler thread for long.
 */
public final class LoopbackHttp {
    /** Seconds a client has to send a whole request, headers and body. */
    public static final int READ_TIMEOUT_SECONDS = 5;
    /** Seconds from a request read to its response sent: the longest a handler may work (a module's compile) plus the sending. */
    public static final int RESPONSE_TIMEOUT_SECONDS = 120;
    /** Seconds a kept-alive connection may sit idle. */
    public static final int IDLE_TIMEOUT_SECONDS = 30;
    /** Requests one server's handlers work on at once; the rest wait for a thread. */
    public static final int HANDLER_THREADS = 16;

    static {
        // The JDK server reads these once, when its first server is made, so they are set before any
        // server of the harness exists; a -D on the command line still wins. Without nodelay it stalls
        // ~40 ms per small response (Nagle + delayed ACK); its timer checks the deadlines twice a second.
        Map.of("sun.net.httpserver.nodelay", "true",
                "sun.net.httpserver.maxReqTime", Integer.toString(READ_TIMEOUT_SECONDS),
                "sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_TIMEOUT_SECONDS),
                "sun.net.httpserver.idleInterval", Integer.toString(IDLE_TIMEOUT_SECONDS),
                "sun.net.httpserver.timerMillis", "500")
                .forEach(System.getProperties()::putIfAbsent);
    }

    private LoopbackHttp() {}

    /** A server on 127.0.0.1 and a free port, not yet started. */
    public static HttpServer create() throws IOException {
        return create(0);
    }

    /** On a given port of 127.0.0.1 (0: an ephemeral one). */
    public static HttpServer create(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    }

    /** Handler threads for servers: at most {@link #HANDLER_THREADS}, none kept while idle. */
    public static ExecutorService handlerThreads(String prefix) {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named(prefix));
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    /** The body length a request declares in Content-Length; -1 when it declares none (chunked) or an unreadable one. */
    public static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
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
