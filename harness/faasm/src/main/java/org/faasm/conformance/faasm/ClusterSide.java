package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
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

    private final Optional<EmbeddedCluster> embedded;
    private final FaasmEndpoints endpoints;
    private final FaasmClient client;
    private final ClusterRuns runs;
    private final Path wasmDir;

    private ClusterSide(Optional<EmbeddedCluster> embedded, FaasmEndpoints endpoints, Duration requestTimeout, Path wasmDir)
            throws IOException {
        this.embedded = embedded;
        this.endpoints = endpoints;
        this.client = new FaasmClient(endpoints, requestTimeout);
        this.runs = new ClusterRuns(client, wasmDir);
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
     * Opens the run before its spec's clock starts: its user, given state and state probe, and its
     * functions when any message runs on the cluster (a run that never needs the cluster asks nothing
     * of it). Its given files travel with the run request, to the host's own sandbox.
     */
    public void prepare(String prefix, RunRequest request) throws IOException {
        runs.prepare(prefix, request, setup(request));
    }

    /** The run {@link #prepare} opened for this request, or one opened now. */
    public ClusterRun take(String prefix, RunRequest request) throws IOException {
        return runs.take(prefix, request, setup(request));
    }

    private static ClusterRuns.Setup setup(RunRequest request) {
        boolean onCluster = request.placement().chained() == Placement.Chained.CLUSTER
                || request.placement().entry().equals(Optional.of(Placement.Entry.JVM));
        return new ClusterRuns.Setup(onCluster, false);
    }

    /**
     * The global value of every requested key, read by the state probe: the cluster's, or, for a key
     * the cluster has no value for, the host's own copy from {@code local} (a key a host created first
     * is its own, as on Faasm's inmemory main).
     */
    public Map<String, byte[]> stateAfter(ClusterRun run, RunRequest request, Map<String, byte[]> local)
            throws InterruptedException, TimeoutException {
        Map<String, byte[]> state = new LinkedHashMap<>();
        Map<String, byte[]> global = runs.probe().values(run.user(), request.stateKeys());
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

}
