package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.faasm.ClusterRun;
import org.faasm.conformance.faasm.ClusterSide;
import org.faasm.conformance.faasm.FaasmClient;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.faasm.OffloadRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.WasmDirectory;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.ObservationJson;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.support.BoundedJsonMapper;

/**
 * The {@code browser} backend: each spec's entry runs in a fresh Web Worker of one headless Chromium
 * page, with Faasm's host interface in JavaScript; chained calls run in place or on a cluster, and
 * the global state tier is the cluster (its own embedded one unless told otherwise). Chromium,
 * the page's server and the cluster start when availability is first asked, or on the first run.
 */
public final class BrowserBackend implements Backend {
    /** The __faasm_* imports faasm-host.mjs implements (a test holds the two lists together). */
    static final Set<FaasmImport> IMPLEMENTED = EnumSet.of(FaasmImport.READ_INPUT, FaasmImport.WRITE_OUTPUT,
            FaasmImport.CONF_FLAG, FaasmImport.CHAIN_NAME, FaasmImport.CHAIN_PTR, FaasmImport.AWAIT_CALL,
            FaasmImport.AWAIT_CALL_OUTPUT, FaasmImport.READ_STATE, FaasmImport.READ_STATE_PTR, FaasmImport.WRITE_STATE,
            FaasmImport.APPEND_STATE, FaasmImport.READ_APPENDED_STATE, FaasmImport.CLEAR_APPENDED_STATE,
            FaasmImport.WRITE_STATE_OFFSET, FaasmImport.READ_STATE_OFFSET, FaasmImport.READ_STATE_OFFSET_PTR,
            FaasmImport.FLAG_STATE_DIRTY, FaasmImport.FLAG_STATE_OFFSET_DIRTY, FaasmImport.PUSH_STATE,
            FaasmImport.PUSH_STATE_PARTIAL, FaasmImport.PUSH_STATE_PARTIAL_MASK, FaasmImport.PULL_STATE,
            FaasmImport.LOCK_STATE_READ, FaasmImport.LOCK_STATE_WRITE, FaasmImport.UNLOCK_STATE_READ,
            FaasmImport.UNLOCK_STATE_WRITE, FaasmImport.BACKTRACE, FaasmImport.WRITE_STATE_FROM_FILE);

    /** The WASI calls wasi.mjs implements (its WASI_SIGNATURES; BrowserModuleToolsTest keeps the two in step). */
    static final Set<String> IMPLEMENTED_WASI = Set.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get",
            "clock_res_get", "clock_time_get", "fd_close", "fd_fdstat_get", "fd_fdstat_set_flags", "fd_filestat_get",
            "fd_prestat_get", "fd_prestat_dir_name", "fd_read", "fd_readdir", "fd_seek", "fd_tell", "fd_write",
            "path_create_directory", "path_filestat_get", "path_open", "path_remove_directory", "path_rename",
            "path_unlink_file", "poll_oneoff", "proc_exit", "random_get", "sched_yield");
    /** A result carries guest bytes in base64: the harness's bounded mapper names its limit when one is hit. */
    private static final BoundedJsonMapper RESULT_JSON = new BoundedJsonMapper();

    private final BrowserOptions options;
    private final BrowserHost host;
    private final ChromiumLocator.Result chromium;
    private volatile Started started;
    /** The mutant catalogue's seam: the operators of the mutant seeded into the page's host, or null. */
    private volatile JsonNode mutant;

    BrowserBackend(BrowserOptions options) {
        this(options, BrowserHost.OURS);
    }

    BrowserBackend(BrowserOptions options, BrowserHost host) {
        this.options = options;
        this.host = host;
        this.chromium = ChromiumLocator.system().locate();
    }

    /**
     * The column of the {@code serve} command: runs go to the browser that opened {@code page}'s
     * server, whose cluster they offload to.
     */
    BrowserBackend(BrowserOptions options, BrowserHost host, StaticServer server, ClusterSide cluster, BrowserPage page) {
        this(options, host);
        this.started = new Started(server, cluster, page);
    }

    /** What a started backend holds. */
    private record Started(StaticServer server, ClusterSide cluster, BrowserPage session) {}

    @Override
    public String name() {
        return host.name();
    }

    /** Our host, in whichever browser runs it, is judged by our column's known failures; a third party's by its own. */
    @Override
    public String expectationsName() {
        return host.module().isEmpty() ? BrowserHost.OURS.name() : host.name();
    }

    @Override
    public String version() {
        Started now = started;
        return now != null ? now.session.version() : "Chromium at " + chromium.description() + " (not started yet)";
    }

    /**
     * Available when a Chromium is found. Asking starts Chromium in the background, so that the first
     * spec's deadline is not spent on Playwright's start-up (about 1.5 s).
     */
    @Override
    public Availability availability() {
        if (started == null && chromium.executable().isEmpty()) {
            return Availability.no(chromium.description());
        }
        if (host.module().isPresent() && !Files.isRegularFile(host.module().get())) {
            return Availability.no("no host module at " + host.module().get());
        }
        try {
            start().session.startInBackground();
        } catch (IOException e) {
            return Availability.no("cannot start the browser backend: " + e.getMessage());
        }
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return host.capabilities();
    }

    @Override
    public FaasmVm vm() {
        return host.vm();
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return host.imports();
    }

    @Override
    public Set<String> implementedWasiImports() {
        return host.wasiImports();
    }

    /** Starts (or restarts) Chromium, the page server and the cluster, puts the run on the cluster, and waits until the page is ready. */
    @Override
    public void prepare(RunRequest request) throws Exception {
        WasmDirectory modules = new WasmDirectory(options.wasmDir());
        modules.requireModule(request.function());
        Started backend = start();
        backend.cluster.precompile(request);
        backend.cluster.prepare("browser", request);
        backend.session.awaitStarted();
    }

    @Override
    public Observation run(RunRequest request) throws Exception {
        try {
            return runInPage(request);
        } finally {
            Started now = started;
            if (now != null) {
                now.cluster.endRun();
            }
        }
    }

    private Observation runInPage(RunRequest run) throws Exception {
        Started backend = start();
        ClusterRun onCluster = backend.cluster.take("browser", run);
        try (RunMailbox.Slot slot = backend.server.mailbox().open(run.input())) {
            BrowserSession.Outcome outcome = backend.session.run(request(run, onCluster, backend.server.proxiedEndpoints(), slot));
            Optional<byte[]> result = slot.result();
            if (result.isEmpty()) {
                throw new BrowserRunException(outcome.outcome().path("error").asText("no result") + consoleNote(outcome.console()));
            }
            JsonNode answer = RESULT_JSON.readTree(new String(result.get(), StandardCharsets.UTF_8));
            Observation observation = ObservationJson.parse(answer.get("observation"));
            return observation.withStateAfter(backend.cluster.stateAfter(onCluster, run, ObservationJson.byteMap(answer.path("localState"))))
                    .withConsole(outcome.console());
        }
    }

    private String request(RunRequest run, ClusterRun onCluster, FaasmEndpoints cluster, RunMailbox.Slot slot) {
        ObjectNode request = OffloadRequest.json(run, onCluster, cluster, options.requestTimeout(), options.memoryCapPages(),
                ChainedCallTimeout.configured().duration());
        request.put("hostModule", host.url());
        request.put("specId", run.specId());
        // Every module the run may call, for a host that loads them all before it starts (worker.mjs, without JSPI).
        run.functions().forEach(request.putArray("functions")::add);
        if (mutant != null) {
            request.set("mutant", mutant);
        }
        request.put("inputPath", slot.inputPath());
        request.put("resultPath", slot.resultPath());
        return request.toString();
    }

    private static String consoleNote(List<String> console) {
        return console.isEmpty() ? "" : "; console: " + String.join(" | ", console);
    }

    private synchronized Started start() throws IOException {
        if (started == null) {
            Path executable = chromium.executable().orElseThrow(() -> new IOException(chromium.description()));
            ClusterSide cluster = ClusterSide.start(options.cluster(), options.requestTimeout(), options.wasmDir());
            // The page reaches the cluster, real or embedded, through its server's same-origin proxy:
            // a cross-origin PUT would make the browser send a preflight, and OPTIONS crashes Faasm.
            StaticServer server = new StaticServer(options.wasmDir(), host.module().map(Path::getParent), cluster.endpoints(),
                    options.requestTimeout());
            started = new Started(server, cluster, new BrowserSession(executable, server.page()));
        }
        return started;
    }

    /** Package access for tests and benchmarks: the started session. */
    synchronized BrowserSession session() throws IOException {
        if (start().session instanceof BrowserSession session) {
            return session;
        }
        throw new IOException("this backend runs in a browser it did not start");
    }

    /** Package access for benchmarks: the client of the cluster the page offloads to. */
    synchronized FaasmClient client() throws IOException {
        return start().cluster.client();
    }

    /** Package access for benchmarks: that cluster as the page reaches it, through its server's proxy. */
    synchronized FaasmEndpoints pageEndpoints() throws IOException {
        return start().server.proxiedEndpoints();
    }

    /** For the mutant catalogue: every spec from now on runs with these operators (browser/mutants.mjs) applied; null for none. */
    public void mutant(JsonNode operators) {
        this.mutant = operators;
    }

    @Override
    public synchronized void close() {
        if (started != null) {
            started.session.close();
            started.server.close();
            started.cluster.close();
            started = null;
        }
    }
}
