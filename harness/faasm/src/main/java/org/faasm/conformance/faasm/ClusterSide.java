package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.jvm.WasmDirectory;
import org.faasm.conformance.spec.Placement;

/**
 * The cluster half of a backend whose entry messages run outside Java (a browser, an adapter process):
 * the Faasm HTTP API it offloads chained calls and global state to — a deployment it is given, or an
 * embedded cluster of its own — with a fresh user per run, the run's functions and given state put
 * there first, and each requested key's global value read back after.
 */
public final class ClusterSide implements AutoCloseable {
    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int WORKERS = 2;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Optional<EmbeddedCluster> embedded;
    private final FaasmEndpoints endpoints;
    private final FaasmClient client;
    private final StateProbe probe;
    private final Path wasmDir;
    private Prepared prepared;

    private ClusterSide(Optional<EmbeddedCluster> embedded, FaasmEndpoints endpoints, Duration requestTimeout, Path wasmDir)
            throws IOException {
        this.embedded = embedded;
        this.endpoints = endpoints;
        this.client = new FaasmClient(endpoints, requestTimeout);
        this.probe = new StateProbe(client, wasmDir);
        this.wasmDir = wasmDir;
    }

    /** On the deployment given, or on an embedded cluster started now. */
    public static ClusterSide start(Optional<FaasmEndpoints> given, Duration requestTimeout, Path wasmDir) throws IOException {
        if (given.isPresent()) {
            return new ClusterSide(Optional.empty(), given.get(), requestTimeout, wasmDir);
        }
        EmbeddedCluster cluster = EmbeddedCluster.start(WORKERS, MESSAGE_TIMEOUT);
        try {
            return new ClusterSide(Optional.of(cluster), new FaasmEndpoints(cluster.plannerUri(), cluster.uploadUri()),
                    requestTimeout, wasmDir);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public FaasmEndpoints endpoints() {
        return endpoints;
    }

    public FaasmClient client() {
        return client;
    }

    /** Compiles the run's modules on an embedded cluster before the spec's clock starts. */
    public void precompile(RunRequest request) throws IOException, ModuleLoadException {
        if (embedded.isPresent()) {
            embedded.get().precompile(new WasmDirectory(wasmDir), StateProbe.functionsFor(request.functions()));
        }
    }

    /**
     * A fresh user for one run (state and functions are scoped to users, so no run sees another's),
     * with the given state put, the state probe uploaded when keys are to be reported, and the
     * request's functions when any message runs on the cluster. A run that never needs the cluster
     * asks nothing of it.
     */
    private Run open(String prefix, RunRequest request) throws IOException {
        boolean uploadFunctions = request.placement().chained() == Placement.Chained.CLUSTER
                || request.placement().entry().equals(Optional.of(Placement.Entry.JVM));
        String user = prefix + RUNS.incrementAndGet();
        if (uploadFunctions) {
            for (String function : request.functions()) {
                Path wasm = wasmDir.resolve(function + ".wasm");
                if (Files.isRegularFile(wasm)) {
                    client.uploadFunction(user, function, Files.readAllBytes(wasm));
                }
            }
        }
        // Needed after the run; a host that needs it first and finds it missing uploads it itself (cluster-client.mjs).
        boolean probeUploaded = !request.stateKeys().isEmpty();
        if (probeUploaded) {
            probe.upload(user);
        }
        request.givenState().forEach((key, value) -> client.putState(user, key, value));
        return new Run(user, probeUploaded);
    }

    /**
     * Opens the run before its spec's clock starts (uploads, the first of them warming the HTTP client
     * up, are setup, not the host's time); {@link #take} hands it to the run.
     */
    public synchronized void prepare(String prefix, RunRequest request) throws IOException {
        prepared = new Prepared(request.specId(), open(prefix, request));
    }

    /** The run {@link #prepare} opened for this request, or one opened now. */
    public synchronized Run take(String prefix, RunRequest request) throws IOException {
        Prepared ready = prepared;
        prepared = null;
        return ready != null && ready.specId().equals(request.specId()) ? ready.run() : open(prefix, request);
    }

    /**
     * The global value of every requested key, read by the state probe: the cluster's, or, for a key
     * the cluster has no value for, the host's own copy from {@code local} (a key a host created first
     * is its own, as on Faasm's inmemory main).
     */
    public Map<String, byte[]> stateAfter(Run run, RunRequest request, Map<String, byte[]> local)
            throws InterruptedException, TimeoutException {
        Map<String, byte[]> state = new LinkedHashMap<>();
        Map<String, byte[]> global = probe.values(run.user(), request.stateKeys());
        for (String key : request.stateKeys()) {
            if (global.containsKey(key)) {
                state.put(key, global.get(key));
            } else if (local.containsKey(key)) {
                state.put(key, local.get(key));
            }
        }
        return state;
    }

    /** After each run: no guest outlives it; in strict mode a request that would crash real Faasm fails the run, naming it. */
    public void endRun() {
        embedded.ifPresent(EmbeddedCluster::endSpec);
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedCluster::close);
    }

    private record Prepared(String specId, Run run) {}

    /** One run's user on the cluster, and whether the state probe is uploaded for it. */
    public record Run(String user, boolean probeUploaded) {}
}
