package org.faasm.conformance.faasm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
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
    /** Every message may run on the cluster, and a deployment holds shared files only. */
    private static final ClusterRuns.Setup SETUP = new ClusterRuns.Setup(true, true);

    private final FaasmClient client;
    private final ClusterRuns runs;
    /** A deployment may outlive this harness: users of another run of it must not clash. */
    private final String userPrefix = "conf" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + "_";

    SpecOnCluster(FaasmClient client, Path wasmDir) throws IOException {
        this.client = client;
        this.runs = new ClusterRuns(client, wasmDir);
    }

    /** Puts the spec's user, functions, given state and files on the cluster, before the spec's clock starts. */
    void prepare(RunRequest request) throws IOException {
        runs.prepare(userPrefix, request, SETUP);
    }

    /** Runs the request's entry on the cluster, as the user {@link #prepare} made for it (made now if it did not). */
    Observation run(RunRequest request) throws IOException, InterruptedException, TimeoutException {
        String user = runs.take(userPrefix, request, SETUP).user();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int appId = random.nextInt(1, Integer.MAX_VALUE);
        int messageId = random.nextInt(1, Integer.MAX_VALUE);
        client.executeBatch(appId, user, List.of(new BatchMessage(messageId, request.function(), 0, request.input(), request.cmdline())));
        List<MessageResult> results = client.awaitResults(appId, messageId, RESULT_DEADLINE);
        Map<String, byte[]> state = runs.probe().values(user, request.stateKeys());
        Map<String, byte[]> files = new java.util.TreeMap<>();
        request.sharedFilesToReport().forEach(path -> files.put(path, client.getSharedFile(GuestPath.parse(path).sharedPath())));
        // Each spec starts from clean executors and no stored results, as Faasm's own test runs do.
        client.flush();
        return ResultTree.build(results, messageId).withStateAfter(state).withFilesAfter(files);
    }
}
