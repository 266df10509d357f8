package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.Engine;
import org.faasm.conformance.jvm.JvmBackend;
import org.faasm.conformance.jvm.MessageExecutor;
import org.faasm.conformance.jvm.ModuleCache;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.jvm.ModuleSource;
import org.faasm.conformance.jvm.RunLimits;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * The JVM engine behind Faasm's own HTTP API on 127.0.0.1: an upload server ({@code /ping},
 * {@code /f/}, {@code /s/}) and a planner ({@code EXECUTE_BATCH}, {@code EXECUTE_BATCH_STATUS}, the
 * flushes), each on its own ephemeral port, with several logical workers that each have their own
 * local state tier. What the browser offloads to, and what the Faasm client is tested against. Guest
 * messages run within {@link RunLimits#DEFAULT}; a backend that runs specs on it ends each with
 * {@link #endSpec()}, so no guest outlives its spec.
 *
 * <p>It is strict: it answers as Faasm does, and a request that would crash a real Faasm process
 * (or that the harness must never send) is answered 500 naming it and recorded; {@link #checkStrict()}
 * then throws, and so does {@link #close()} for any not reported yet, so no run that trips it passes.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final StateSpaces state;
    private final ModuleCache modules;
    private final Planner planner;
    private final HttpServer upload;
    private final HttpServer plannerHttp;
    private final Violations violations = new Violations();
    private final ExecutorService httpThreads = LoopbackHttp.handlerThreads("faasm-embedded-http-");

    private EmbeddedCluster(int workers, Duration messageTimeout, int uploadPort, int plannerPort) throws IOException {
        FunctionStore functions = new FunctionStore();
        this.state = new StateSpaces(workers);
        this.modules = new ModuleCache(functions, Engine.COMPILER);
        SharedFiles shared = new SharedFiles();
        this.planner = new Planner(new MessageExecutor(modules, JvmBackend.DEFAULT_MEMORY_CAP_PAGES, FaasmVm.WAVM), state, shared, workers,
                messageTimeout, ChainedCallTimeout.configured(), RunLimits.DEFAULT);
        this.upload = server("Upload Server", new UploadServer(functions, modules, state, shared), uploadPort);
        try {
            this.plannerHttp = server("Planner endpoint", new PlannerServer(planner, state::flushWorkers), plannerPort);
        } catch (IOException e) {
            upload.stop(0);
            httpThreads.shutdownNow();
            throw e;
        }
    }

    /** Starts a cluster with {@code workers} logical workers, each message limited to {@code messageTimeout}. */
    public static EmbeddedCluster start(int workers, Duration messageTimeout) throws IOException {
        return startOn(workers, messageTimeout, 0, 0);
    }

    /**
     * As {@link #start}, on given ports of 127.0.0.1 (Faasm's are 8002 and 8080), so that a command written for a
     * cluster at known URLs can be run against this one; a port in use is an {@link IOException} naming it.
     */
    public static EmbeddedCluster startOn(int workers, Duration messageTimeout, int uploadPort, int plannerPort) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("a cluster needs at least one worker");
        }
        return new EmbeddedCluster(workers, messageTimeout, uploadPort, plannerPort);
    }

    /** The upload server, e.g. {@code http://127.0.0.1:41234} (Faasm: port 8002). */
    public URI uploadUri() {
        return uri(upload);
    }

    /** The planner, e.g. {@code http://127.0.0.1:41235} (Faasm: port 8080). */
    public URI plannerUri() {
        return uri(plannerHttp);
    }

    /**
     * Compiles the named functions' modules before they are uploaded. Faasm generates code at upload
     * too, but a spec's clock should time its run, not the first compilation of its modules.
     */
    public void precompile(ModuleSource source, Collection<String> functions) throws IOException, ModuleLoadException {
        for (String function : functions) {
            Optional<byte[]> bytes = source.load("", function);
            if (bytes.isPresent()) {
                modules.precompile(bytes.get(), source.describe("", function));
            }
        }
    }

    /**
     * Ends a spec's run: stops every message still running, whatever its own deadline, so a guest
     * lives no longer than its spec; then reports violations as {@link #checkStrict()} does.
     */
    public void endSpec() {
        planner.stopRunning("stopped: the spec that ran it ended");
        checkStrict();
    }

    /** Throws a {@link StrictModeViolation} naming every violation since the last check. */
    public void checkStrict() {
        violations.report();
    }

    private HttpServer server(String name, Exchanges.Route route, int port) throws IOException {
        HttpServer server;
        try {
            server = LoopbackHttp.create(port);
        } catch (BindException e) {
            throw new IOException("the embedded cluster's " + name + " cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", Exchanges.handler(name, route, violations));
        server.setExecutor(httpThreads);
        server.start();
        return server;
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops the cluster; then throws a {@link StrictModeViolation} if any violation was never reported. */
    @Override
    public void close() {
        upload.stop(0);
        plannerHttp.stop(0);
        planner.close();
        httpThreads.shutdownNow();
        checkStrict();
    }
}
