package org.faasm.conformance.support;

import com.sun.net.httpserver.HttpExchange;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may drive a server of the harness: only this machine's own clients. A request whose {@code Host} is not
 * {@code 127.0.0.1:<port>} or {@code localhost:<port>} (a page that rebound its own name to 127.0.0.1), or whose
 * {@code Origin} is not one the server serves (a page of another site, which a browser lets send simple requests
 * anywhere), is refused with 403 and logged; it reaches no route, so it can neither change a run nor fail one.
 */
public final class LoopbackGuard {
    /** Refusals logged one by one; past these, every thousandth, with the count. */
    static final int LOGGED = 20;

    private final String server;
    private final Set<String> origins;
    private final AtomicLong refused = new AtomicLong();

    /** @param origins the origins whose pages may call the server (none for a server no page calls directly) */
    public LoopbackGuard(String server, Set<String> origins) {
        this.server = server;
        this.origins = Set.copyOf(origins);
    }

    /** Why the request is refused; empty when it may go on. */
    public Optional<String> refusal(HttpExchange exchange) {
        int port = exchange.getLocalAddress().getPort();
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            return refuse(exchange, "Host " + host + " is not 127.0.0.1:" + port + " or localhost:" + port);
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin)) {
            return refuse(exchange, "Origin " + origin + " may not call " + server);
        }
        return Optional.empty();
    }

    /** How many requests were refused so far. */
    public long refused() {
        return refused.get();
    }

    private Optional<String> refuse(HttpExchange exchange, String why) {
        long count = refused.incrementAndGet();
        if (count <= LOGGED || count % 1000 == 0) {
            System.err.println(server + ": refused " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " from "
                    + exchange.getRemoteAddress() + ": " + why + " (" + count + " refused so far)");
        }
        return Optional.of("refused: " + why);
    }
}
