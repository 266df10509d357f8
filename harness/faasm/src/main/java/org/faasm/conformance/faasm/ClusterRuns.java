package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.spec.GuestPath;

/**
 * The runs a backend makes on a Faasm deployment, each as a fresh user (state and functions are scoped
 * to users, so no run sees another's) with what it needs put there first: its functions, the state
 * probe when keys are to be reported, its given state, and its given files as shared files. A run is
 * opened before its spec's clock starts ({@link #prepare}; the first requests also warm the HTTP client
 * up) and handed to the run by {@link #take}.
 */
final class ClusterRuns {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final FaasmClient client;
    private final StateProbe probe;
    private final Path wasmDir;
    private Prepared prepared;

    ClusterRuns(FaasmClient client, Path wasmDir) throws IOException {
        this.client = client;
        this.probe = new StateProbe(client, wasmDir);
        this.wasmDir = wasmDir;
    }

    StateProbe probe() {
        return probe;
    }

    /** What a run puts on the cluster beyond its user, state probe and given state. */
    record Setup(boolean functions, boolean sharedFiles) {}

    synchronized void prepare(String prefix, RunRequest request, Setup setup) throws IOException {
        prepared = new Prepared(request.specId(), open(prefix, request, setup));
    }

    /** The run {@link #prepare} opened for this request, or one opened now. */
    synchronized ClusterRun take(String prefix, RunRequest request, Setup setup) throws IOException {
        Prepared ready = prepared;
        prepared = null;
        return ready != null && ready.specId().equals(request.specId()) ? ready.run() : open(prefix, request, setup);
    }

    private ClusterRun open(String prefix, RunRequest request, Setup setup) throws IOException {
        String user = prefix + RUNS.incrementAndGet();
        if (setup.functions()) {
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
        if (setup.sharedFiles()) {
            // Only shared files can be given to a deployment (a spec with others requires the files capability).
            request.givenFiles().forEach((path, contents) -> client.putSharedFile(GuestPath.parse(path).sharedPath(), contents));
        }
        return new ClusterRun(user, probeUploaded);
    }

    private record Prepared(String specId, ClusterRun run) {}
}
