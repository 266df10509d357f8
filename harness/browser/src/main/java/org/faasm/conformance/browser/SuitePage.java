package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * The {@code serve} command's side of suite.mjs, mounted at {@value #PREFIX}: the browser that opens
 * the page says hello (its User-Agent and whether it has JSPI), then takes one run at a time from
 * {@code GET next} and posts its outcome to {@code POST outcome/<id>}; it asks {@code GET wanted/<id>}
 * while a run goes on, and stops the run's worker when the spec's time is up. Only the first browser
 * to say hello runs the suite. Nothing waits past the deadline.
 */
final class SuitePage implements BrowserPage, HttpHandler {
    static final String PREFIX = "/suite/";
    /** How long a {@code GET next} is held open before it answers 204 and the page asks again. */
    static final Duration POLL = Duration.ofSeconds(5);
    private static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile(Pattern.quote(PREFIX) + "(hello|next|wanted/([0-9]{1,9})|outcome/([0-9]{1,9}))");

    /** The browser that runs the suite and the path its blocking host calls take ({@code jspi} or {@code sync-xhr}). */
    record Hello(BrowserName browser, String bridge, String userAgent) {}

    private record Handout(int runId, String requestJson) {}

    private final Instant deadline;
    private final CompletableFuture<Hello> hello = new CompletableFuture<>();
    private final BlockingQueue<Handout> handouts = new LinkedBlockingQueue<>();
    private final Map<Integer, CompletableFuture<JsonNode>> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch endSeen = new CountDownLatch(1);
    private volatile String end;

    SuitePage(Instant deadline) {
        this.deadline = deadline;
    }

    /** The browser that said hello, waiting at most until the deadline. */
    Optional<Hello> awaitHello() throws InterruptedException {
        try {
            return Optional.of(hello.get(left().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Tells the page the suite is over ({@code message} is shown there) and waits briefly for it to hear. */
    void end(String message, Duration wait) throws InterruptedException {
        end = message;
        endSeen.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void startInBackground() {
        // The browser is whoever opens the page.
    }

    @Override
    public void awaitStarted() {
        // It said hello before the backend existed.
    }

    @Override
    public BrowserSession.Outcome run(String requestJson) throws IOException, InterruptedException {
        int runId = runs.incrementAndGet();
        CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
        outcomes.put(runId, outcome);
        Handout handout = new Handout(runId, requestJson);
        handouts.add(handout);
        try {
            return new BrowserSession.Outcome(outcome.get(Math.max(0, left().toMillis()), TimeUnit.MILLISECONDS), List.of());
        } catch (TimeoutException e) {
            throw new IOException("the deadline for the browser to finish (" + deadline + ") has passed");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            handouts.remove(handout);
            outcomes.remove(runId);
        }
    }

    @Override
    public String version() {
        Hello said = hello.getNow(null);
        return said == null ? "no browser yet" : said.browser().product() + " " + said.browser().version()
                + ", blocking calls through " + said.bridge() + "; " + said.userAgent();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            if (!path.matches()) {
                reply(exchange, 404, "text/plain", "no " + exchange.getRequestURI().getPath());
            } else if (path.group(1).equals("hello") && method.equals("POST")) {
                hello(exchange);
            } else if (path.group(1).equals("next") && method.equals("GET")) {
                next(exchange);
            } else if (path.group(2) != null && method.equals("GET")) {
                boolean wanted = outcomes.containsKey(Integer.parseInt(path.group(2)));
                reply(exchange, wanted ? 200 : 410, "text/plain", wanted ? "wanted" : "no longer wanted");
            } else if (path.group(3) != null && method.equals("POST")) {
                JsonNode body = body(exchange);
                if (body == null) {
                    return;
                }
                CompletableFuture<JsonNode> outcome = outcomes.get(Integer.parseInt(path.group(3)));
                if (outcome != null) {
                    outcome.complete(body);
                }
                reply(exchange, outcome != null ? 200 : 410, "text/plain", outcome != null ? "taken" : "no longer wanted");
            } else {
                reply(exchange, 405, "text/plain", method + " " + path.group(1) + " is not served");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hello(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        if (body == null) {
            return;
        }
        String bridge = body.path("bridge").asText();
        if (!bridge.equals("jspi") && !bridge.equals("sync-xhr")) {
            reply(exchange, 400, "text/plain", "hello needs {\"bridge\": \"jspi\" | \"sync-xhr\"}");
            return;
        }
        String userAgent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse("");
        boolean first = hello.complete(new Hello(BrowserName.of(userAgent), bridge, userAgent));
        reply(exchange, first ? 200 : 409, "text/plain", first ? "welcome" : "another browser is already running the suite");
    }

    /** The next run, held open up to {@link #POLL}: 204 when none came, the end once the suite is over. */
    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(POLL);
        while (end == null && Instant.now().isBefore(until)) {
            Handout handout = handouts.poll(100, TimeUnit.MILLISECONDS);
            if (handout != null && outcomes.containsKey(handout.runId())) {
                ObjectNode next = JSON.createObjectNode();
                next.put("runId", handout.runId());
                JsonNode request = JSON.readTree(handout.requestJson());
                next.put("specId", request.path("specId").asText());
                next.set("request", request);
                reply(exchange, 200, "application/json", next.toString());
                return;
            }
        }
        if (end != null) {
            reply(exchange, 200, "application/json", JSON.createObjectNode().put("end", end).toString());
            endSeen.countDown();
        } else {
            reply(exchange, 204, "text/plain", "");
        }
    }

    /** The request's JSON body, or null after answering 400 or 413. */
    private static JsonNode body(HttpExchange exchange) throws IOException {
        if (LoopbackHttp.declaredLength(exchange) > MAX_BODY) {
            reply(exchange, 413, "text/plain", "body larger than " + MAX_BODY + " bytes");
            return null;
        }
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        try {
            if (bytes.length > MAX_BODY) {
                reply(exchange, 413, "text/plain", "body larger than " + MAX_BODY + " bytes");
                return null;
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            reply(exchange, 400, "text/plain", "not JSON: " + e.getMessage());
            return null;
        }
    }

    private Duration left() {
        return Duration.between(Instant.now(), deadline);
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        LoopbackHttp.send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        end = end == null ? "the server closed" : end;
    }
}
