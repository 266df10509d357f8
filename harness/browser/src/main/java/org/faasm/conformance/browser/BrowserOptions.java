package org.faasm.conformance.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.jvm.JvmBackend;

/**
 * How a browser backend is set up.
 *
 * @param cluster the Faasm HTTP API to offload to; empty to start an embedded cluster of its own
 * @param requestTimeout the deadline of every request to the cluster, from Java and from the page
 * @param memoryCapPages the most guest memory a message may grow to (as the jvm backend's cap)
 */
record BrowserOptions(Path wasmDir, Optional<FaasmEndpoints> cluster, Duration requestTimeout, int memoryCapPages) {
    /** Long enough for any request the specs make on loopback, short enough that a dead cluster is an ERROR before the spec times out. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    static BrowserOptions defaults(Path wasmDir) {
        return new BrowserOptions(wasmDir, Optional.empty(), REQUEST_TIMEOUT, JvmBackend.DEFAULT_MEMORY_CAP_PAGES);
    }

    BrowserOptions withCluster(FaasmEndpoints endpoints) {
        return new BrowserOptions(wasmDir, Optional.of(endpoints), requestTimeout, memoryCapPages);
    }

    BrowserOptions withRequestTimeout(Duration timeout) {
        return new BrowserOptions(wasmDir, cluster, timeout, memoryCapPages);
    }
}
