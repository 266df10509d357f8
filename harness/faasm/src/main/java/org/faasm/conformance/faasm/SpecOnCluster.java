package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.spec.GuestPath;

/**
 * Runs one spec on a Faasm deployment through its HTTP API: a fresh user per spec (state is scoped to
 * users, so specs cannot see each other's keys), the functions it needs uploaded through {@code /f/},
 * its given state written through {@code /s/}, one batch executed, its results awaited, the state it
 * names read back by our state probe (never by {@code GET /s/}, which crashes Faasm for a key with no
 * value), and the cluster flushed.
 */
final class SpecOnCluster {
    /** Faasm's own chained-call timeout is 300 s; a spec's deadline normally ends the wait long before. */
    private static final Duration RESULT_DEADLINE = Duration.ofMinutes(5);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final FaasmClient client;
    private final Path wasmDir;
    private final StateProbe probe;
    private final String userPrefix = "conf" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    private Prepared prepared;

    SpecOnCluster(FaasmClient client, Path wasmDir) throws IOException {
        this.client = client;
        this.wasmDir = wasmDir;
        this.probe = new StateProbe(client, wasmDir);
    }

    /**
     * Puts the spec's user, functions and given state on the cluster, before the spec's clock starts
     * (the first requests also warm the HTTP client up).
     */
    synchronized void prepare(RunRequest request) throws IOException {
        String user = userPrefix + "_" + RUNS.incrementAndGet();
        for (String function : request.functions()) {
            Path wasm = wasmDir.resolve(function + ".wasm");
            if (Files.isRegularFile(wasm)) {
                client.uploadFunction(user, function, Files.readAllBytes(wasm));
            }
        }
        if (!request.stateKeys().isEmpty()) {
            probe.upload(user);
        }
        request.givenState().forEach((key, value) -> client.putState(user, key, value));
        // Only shared files can be given to a real deployment (a spec with others requires the files capability).
        request.givenFiles().forEach((path, contents) -> client.putSharedFile(GuestPath.parse(path).sharedPath(), contents));
        prepared = new Prepared(request.specId(), user);
    }

    /** Runs the request's entry on the cluster, as the user {@link #prepare} made for it (made now if it did not). */
    Observation run(RunRequest request) throws IOException, InterruptedException, TimeoutException {
        if (prepared == null || !prepared.specId().equals(request.specId())) {
            prepare(request);
        }
        String user = prepared.user();
        prepared = null;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int appId = random.nextInt(1, Integer.MAX_VALUE);
        int messageId = random.nextInt(1, Integer.MAX_VALUE);
        client.executeBatch(appId, user, List.of(new BatchMessage(messageId, request.function(), 0, request.input(), request.cmdline())));
        List<MessageResult> results = client.awaitResults(appId, messageId, RESULT_DEADLINE);
        Map<String, byte[]> state = probe.values(user, request.stateKeys());
        Map<String, byte[]> files = new java.util.TreeMap<>();
        request.sharedFilesToReport().forEach(path -> files.put(path, client.getSharedFile(GuestPath.parse(path).sharedPath())));
        // Each spec starts from clean executors and no stored results, as Faasm's own test runs do.
        client.flush();
        return ResultTree.build(results, messageId).withStateAfter(state).withFilesAfter(files);
    }

    private record Prepared(String specId, String user) {}
}
