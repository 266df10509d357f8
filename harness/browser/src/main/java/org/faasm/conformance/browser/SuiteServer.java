package org.faasm.conformance.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.faasm.ClusterSide;
import org.faasm.conformance.spec.Capability;

/**
 * The suite for any browser (the {@code serve} command): the browser backend's page server and an
 * embedded cluster on 127.0.0.1, with suite.html, which runs each spec the server hands out in the
 * browser that opened it. That browser becomes a column named after it, with our host's capabilities
 * but diagnostics, and judged by the browser column's expectations file.
 */
public final class SuiteServer implements AutoCloseable {
    /** How long the page may take to hear that the suite is over before the server stops. */
    private static final Duration END_WAIT = Duration.ofSeconds(10);

    private final BrowserOptions options;
    private final StaticServer server;
    private final ClusterSide cluster;
    private final SuitePage page;
    private final String key;
    private boolean handedOut;

    private SuiteServer(BrowserOptions options, StaticServer server, ClusterSide cluster, SuitePage page) {
        this.options = options;
        this.server = server;
        this.cluster = cluster;
        this.page = page;
        this.key = server.requireKey();
    }

    /** Starts the cluster and the server; nothing waits past {@code deadline}. */
    public static SuiteServer start(Path wasmDir, Instant deadline) throws IOException {
        BrowserOptions options = BrowserOptions.defaults(wasmDir);
        ClusterSide cluster = ClusterSide.start(Optional.empty(), options.requestTimeout(), wasmDir);
        try {
            StaticServer server = new StaticServer(wasmDir, Optional.empty(), cluster.endpoints(), options.requestTimeout());
            SuitePage page = new SuitePage(deadline);
            server.mount(SuitePage.PREFIX, page);
            return new SuiteServer(options, server, cluster, page);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The page to open, with the run's key: no other browser, and no page of another site, can take the run. */
    public URI url() {
        return URI.create(server.page("suite.html") + "?key=" + key);
    }

    /**
     * The column of the first browser to open the page, once it has (at most until the deadline); the
     * backend then owns the server and the cluster, and closing it stops them.
     */
    public Optional<Backend> awaitBrowser() throws InterruptedException {
        Optional<SuitePage.Hello> hello = page.awaitHello();
        if (hello.isEmpty()) {
            return Optional.empty();
        }
        BrowserHost ours = BrowserHost.OURS;
        // Trap texts are the engine's own (Firefox says "too much recursion" where V8 says "call stack"): not ours to promise in any browser.
        Set<Capability> capabilities = EnumSet.copyOf(ours.capabilities());
        capabilities.remove(Capability.DIAGNOSTICS);
        BrowserHost host = new BrowserHost(hello.get().browser().column(), Optional.empty(), ours.vm(), capabilities, ours.imports(),
                ours.wasiImports());
        handedOut = true;
        return Optional.of(new BrowserBackend(options, host, server, cluster, page));
    }

    /** Tells the page the suite is over, with a line to show. */
    public void end(String message) throws InterruptedException {
        page.end(message, END_WAIT);
    }

    @Override
    public void close() {
        page.close();
        if (!handedOut) {
            server.close();
            cluster.close();
        }
    }
}
