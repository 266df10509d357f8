package org.faasm.conformance.browser;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.support.LoopbackGuard;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * What the page server lets in, in front of every route: this machine's own clients and its own pages
 * ({@link LoopbackGuard}: its Host, no Origin but its own), and, once {@link #requireKey} is called (the
 * {@code serve} command), only the browser given the run's key: the URL it opens carries {@code ?key=…}, which the
 * server turns into a {@code SameSite=Strict} cookie the page, its workers and its modules send on every call, so
 * that a page of another site, which can send requests but cannot read the key, drives nothing.
 */
final class PageGuard extends Filter {
    static final String COOKIE = "faasm-suite";
    private final LoopbackGuard loopback;
    private volatile String key;

    PageGuard(int port) {
        this.loopback = new LoopbackGuard("the page server", Set.of("http://127.0.0.1:" + port, "http://localhost:" + port));
    }

    /** From now on every request needs the run's key; returns it, for the URL to open. */
    String requireKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        key = HexFormat.of().formatHex(bytes);
        return key;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Optional<String> refused = loopback.refusal(exchange);
        if (refused.isEmpty()) {
            refused = keyRefusal(exchange);
        }
        if (refused.isPresent()) {
            try (exchange) {
                LoopbackHttp.send(exchange, 403, "text/plain", refused.get().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(exchange);
    }

    private Optional<String> keyRefusal(HttpExchange exchange) {
        String wanted = key;
        if (wanted == null) {
            return Optional.empty();
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && Set.of(query.split("&")).contains("key=" + wanted)) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + wanted + "; Path=/; HttpOnly; SameSite=Strict");
            return Optional.empty();
        }
        String cookies = String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        for (String cookie : cookies.split(";")) {
            if (cookie.strip().equals(COOKIE + "=" + wanted)) {
                return Optional.empty();
            }
        }
        return Optional.of("refused: the run's key is missing; open the URL serve printed");
    }

    @Override
    public String description() {
        return "only this machine's own clients, and with serve the run's key";
    }
}
