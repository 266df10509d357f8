package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.faasm.FaasmEndpoints;

/**
 * Timings the benchmark takes inside the browser backend's page (bench.mjs): the round trip of a
 * no-op child chained from the browser into the cluster and awaited, over JSPI or a synchronous-XHR
 * bridge, and a state value's push + pull. One Chromium and one embedded cluster per probe.
 */
public final class BrowserProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "bench";
    /** A whole benchmark (hundreds of round trips) runs in one page call: minutes on a loaded machine, never more. */
    private static final Duration BENCH_DEADLINE = Duration.ofMinutes(10);

    /** How a blocking call reaches the cluster, and from where. */
    public enum Bridge {
        /** The backend's own path: a dedicated worker, JSPI, requests through the page's network agent. */
        JSPI("jspi", false),
        /** JSPI with plain fetch, in a worker Playwright does not instrument. */
        JSPI_UNINSTRUMENTED("jspi", true),
        /** The proof of concept's bridge: synchronous XHR, in a worker Playwright does not instrument. */
        SYNC_XHR("xhr", true);

        private final String id;
        private final boolean uninstrumented;

        Bridge(String id, boolean uninstrumented) {
            this.id = id;
            this.uninstrumented = uninstrumented;
        }
    }

    private final BrowserBackend backend;

    /** Why no probe can run here (no Chromium), or empty. */
    public static Optional<String> unavailable() {
        ChromiumLocator.Result chromium = ChromiumLocator.system().locate();
        return chromium.executable().isPresent() ? Optional.empty() : Optional.of(chromium.description());
    }

    public BrowserProbe(Path wasmDir) throws IOException {
        this.backend = new BrowserBackend(BrowserOptions.defaults(wasmDir));
        backend.client().uploadFunction(USER, "noop", Files.readAllBytes(wasmDir.resolve("noop.wasm")));
    }

    public String version() {
        return backend.version();
    }

    /** Per iteration: chain the no-op child, await it, resume the guest. */
    public double[] chainRoundTripMillis(Bridge bridge, int iterations) throws IOException {
        ObjectNode request = request();
        request.put("bridge", bridge.id);
        request.put("iterations", iterations);
        return samples("chainRoundTrip", request, bridge.uninstrumented);
    }

    /** Per iteration: push a {@code bytes}-byte value, then pull it. */
    public double[] statePushPullMillis(int bytes, int iterations) throws IOException {
        ObjectNode request = request();
        request.put("size", bytes);
        request.put("iterations", iterations);
        return samples("statePushPull", request, false);
    }

    private ObjectNode request() throws IOException {
        FaasmEndpoints cluster = backend.pageEndpoints();
        ObjectNode request = JSON.createObjectNode();
        request.put("user", USER);
        request.put("uploadUrl", cluster.upload().toString().replaceFirst("/$", ""));
        request.put("plannerUrl", cluster.planner().toString());
        request.put("fetchTimeoutMs", BrowserOptions.REQUEST_TIMEOUT.toMillis());
        return request;
    }

    private double[] samples(String bench, ObjectNode request, boolean uninstrumented) throws IOException {
        Object answer;
        try {
            answer = backend.session().evaluate(BENCH_DEADLINE, "([name, r, u]) => faasm.bench(name, r, u)",
                    List.of(bench, request.toString(), uninstrumented));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(bench + " failed in the browser: " + e.getMessage(), e);
        }
        JsonNode outcome = JSON.readTree((String) answer);
        if (!outcome.has("samples")) {
            throw new IOException(bench + ": " + outcome.path("error").asText("no samples"));
        }
        double[] samples = new double[outcome.get("samples").size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = outcome.get("samples").get(i).asDouble();
        }
        return samples;
    }

    @Override
    public void close() {
        backend.close();
    }
}
