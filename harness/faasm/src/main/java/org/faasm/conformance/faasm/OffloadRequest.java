package org.faasm.conformance.faasm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.spec.Placement;

/**
 * The run request as JSON for a host outside Java that offloads to a cluster (the browser's worker, a
 * process adapter): what to run, where its messages go, the cluster's user and URLs, and the limits
 * the harness's own hosts keep. Each kind of host adds how it gets its input and modules.
 */
public final class OffloadRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OffloadRequest() {}

    /**
     * @param fetchTimeoutMs the deadline of each request the host makes of the cluster
     * @param memoryCapPages the most memory a message may grow to
     * @param chainedCallTimeoutMs how long an await waits before Faasm's empty result
     */
    public static ObjectNode json(RunRequest run, ClusterRun onCluster, FaasmEndpoints cluster, Duration fetchTimeout,
            int memoryCapPages, Duration chainedCallTimeout) {
        ObjectNode request = JSON.createObjectNode();
        request.put("user", onCluster.user());
        request.put("function", run.function());
        request.put("cmdline", run.cmdline());
        ObjectNode placement = request.putObject("placement");
        placement.put("entry", run.placement().entry().map(Placement.Entry::id).orElse("backend"));
        placement.put("chained", run.placement().chained().id());
        request.put("uploadUrl", cluster.upload().toString().replaceFirst("/$", ""));
        request.put("plannerUrl", cluster.planner().toString());
        request.put("fetchTimeoutMs", fetchTimeout.toMillis());
        request.put("memoryCapPages", memoryCapPages);
        request.put("chainedCallTimeoutMs", chainedCallTimeout.toMillis());
        run.stateKeys().forEach(request.putArray("stateKeys")::add);
        run.givenState().keySet().forEach(request.putArray("givenKeys")::add);
        request.put("probeUploaded", onCluster.probeUploaded());
        // The files each message's own file system starts with, by guest path.
        ObjectNode files = request.putObject("files");
        run.givenFiles().forEach((path, bytes) -> files.put(path, Base64.getEncoder().encodeToString(bytes)));
        return request;
    }
}
