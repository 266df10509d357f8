package org.faasm.conformance.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * Carries each run's input into the page and its result out through the page's own server, never
 * through Playwright: a large value passed to {@code page.evaluate} holds Playwright's one connection
 * to its driver for minutes (a 50 MiB input did), and every later spec with it. Mounted at
 * {@value #PREFIX}, a run's slot serves {@code GET /run/<token>/input} and takes
 * {@code PUT /run/<token>/result}; each run has a random token of its own.
 */
final class RunMailbox implements HttpHandler {
    static final String PREFIX = "/run/";
    /**
     * The largest result taken (413 beyond, before reading): the observation's input, output, stdout
     * and stderr in base64, each at most the JSON limit of {@code BoundedJsonMapper}, fit with room.
     */
    static final long MAX_RESULT_BYTES = 512L << 20;
    private static final Pattern PATH = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f-]{36})/(input|result)");

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** A slot serving {@code input} until closed. */
    Slot open(byte[] input) {
        Slot slot = new Slot(UUID.randomUUID().toString(), input);
        slots.put(slot.token, slot);
        return slot;
    }

    /** One run's input, and its result once the page has put it. */
    final class Slot implements AutoCloseable {
        private final String token;
        private final byte[] input;
        private volatile byte[] result;

        private Slot(String token, byte[] input) {
            this.token = token;
            this.input = input;
        }

        String inputPath() {
            return PREFIX + token + "/input";
        }

        String resultPath() {
            return PREFIX + token + "/result";
        }

        Optional<byte[]> result() {
            return Optional.ofNullable(result);
        }

        @Override
        public void close() {
            slots.remove(token);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Slot slot = path.matches() ? slots.get(path.group(1)) : null;
            String method = exchange.getRequestMethod();
            if (slot == null) {
                reply(exchange, 404, "no such run");
            } else if (path.group(2).equals("input") && method.equals("GET")) {
                LoopbackHttp.send(exchange, 200, "application/octet-stream", slot.input);
            } else if (path.group(2).equals("result") && method.equals("PUT")) {
                take(exchange, slot);
            } else {
                reply(exchange, 405, method + " " + path.group(2) + " is not served");
            }
        }
    }

    private static void take(HttpExchange exchange, Slot slot) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null || !declared.matches("[0-9]{1,12}") || Long.parseLong(declared) > MAX_RESULT_BYTES) {
            reply(exchange, 413, "a result needs a Content-Length of at most " + MAX_RESULT_BYTES + " bytes, not " + declared);
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(Integer.parseInt(declared));
        if (body.length < Integer.parseInt(declared)) {
            reply(exchange, 400, "the result ended after " + body.length + " of " + declared + " bytes");
            return;
        }
        slot.result = body;
        reply(exchange, 200, "taken");
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        LoopbackHttp.send(exchange, status, "text/plain", message.getBytes(StandardCharsets.UTF_8));
    }
}
