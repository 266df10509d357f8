package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.cluster.EmbeddedCluster;
import org.faasm.conformance.faasm.FaasmClient;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.faasm.StateProbe;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.WasmDirectory;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.spec.Spec;
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
    private static final Duration CLUSTER_MESSAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int CLUSTER_WORKERS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A result carries guest bytes in base64: the harness's bounded mapper names its limit when one is hit. */
    private static final BoundedJsonMapper RESULT_JSON = new BoundedJsonMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final BrowserOptions options;
    private final ChromiumLocator.Result chromium;
    private volatile Started started;

    BrowserBackend(BrowserOptions options) {
        this.options = options;
        this.chromium = ChromiumLocator.system().locate();
    }

    /** What a started backend holds; the cluster is empty when it was given one. */
    private record Started(StaticServer server, Optional<EmbeddedCluster> cluster, FaasmClient client, StateProbe probe,
            BrowserSession session) {}

    @Override
    public String name() {
        return "browser";
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
        if (chromium.executable().isEmpty()) {
            return Availability.no(chromium.description());
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
        // One worker is one host: specs needing several hosts with their own local tiers cannot run here.
        return EnumSet.complementOf(EnumSet.of(Capability.MULTI_HOST));
    }

    @Override
    public Set<FaasmImport> implementedImports() {
        return IMPLEMENTED;
    }

    @Override
    public Set<String> implementedWasiImports() {
        return IMPLEMENTED_WASI;
    }

    /** Starts (or restarts) Chromium, the page server and the cluster, and waits until the page is ready. */
    @Override
    public void prepare(Spec spec) throws Exception {
        WasmDirectory modules = new WasmDirectory(options.wasmDir());
        modules.requireModule(spec.function());
        Started backend = start();
        if (backend.cluster.isPresent()) {
            backend.cluster.get().precompile(modules, StateProbe.functionsFor(spec));
        }
        backend.session.awaitStarted();
    }

    @Override
    public Observation run(Spec spec) throws Exception {
        try {
            return runInPage(spec);
        } finally {
            // No guest outlives its spec; strict mode: a request that would crash real Faasm fails this spec, naming it.
            Started now = started;
            if (now != null) {
                now.cluster.ifPresent(EmbeddedCluster::endSpec);
            }
        }
    }

    private Observation runInPage(Spec spec) throws Exception {
        Started backend = start();
        // A user per spec: state is scoped to users, so no spec sees another's keys in the cluster.
        String user = "browser" + RUNS.incrementAndGet();
        if (usesClusterFunctions(spec.placement())) {
            for (String function : spec.namedFunctions()) {
                Path wasm = options.wasmDir().resolve(function + ".wasm");
                if (Files.isRegularFile(wasm)) {
                    backend.client.uploadFunction(user, function, Files.readAllBytes(wasm));
                }
            }
        }
        // Needed after the run; the page uploads it itself if it needs it first and this did not.
        boolean probeUploaded = !spec.stateKeys().isEmpty();
        if (probeUploaded) {
            backend.probe.upload(user);
        }
        spec.givenState().forEach((key, value) -> backend.client.putState(user, key, value));
        try (RunMailbox.Slot slot = backend.server.mailbox().open(spec.input())) {
            BrowserSession.Outcome outcome = backend.session.run(request(spec, user, backend.server.proxiedEndpoints(), probeUploaded, slot));
            Optional<byte[]> result = slot.result();
            if (result.isEmpty()) {
                throw new BrowserRunException(outcome.outcome().path("error").asText("no result") + consoleNote(outcome.console()));
            }
            JsonNode answer = RESULT_JSON.readTree(new String(result.get(), StandardCharsets.UTF_8));
            Observation observation = ObservationJson.parse(answer.get("observation"));
            return observation.withStateAfter(stateAfter(spec, user, backend.probe, answer.path("localState")))
                    .withConsole(outcome.console());
        }
    }

    private String request(Spec spec, String user, FaasmEndpoints cluster, boolean probeUploaded, RunMailbox.Slot slot) {
        ObjectNode request = JSON.createObjectNode();
        request.put("user", user);
        request.put("function", spec.function());
        request.put("inputPath", slot.inputPath());
        request.put("resultPath", slot.resultPath());
        request.put("cmdline", spec.cmdline());
        ObjectNode placement = request.putObject("placement");
        placement.put("entry", spec.placement().entry().map(Placement.Entry::id).orElse("backend"));
        placement.put("chained", spec.placement().chained().id());
        request.put("uploadUrl", cluster.upload().toString().replaceFirst("/$", ""));
        request.put("plannerUrl", cluster.planner().toString());
        request.put("fetchTimeoutMs", options.requestTimeout().toMillis());
        request.put("memoryCapPages", options.memoryCapPages());
        request.put("chainedCallTimeoutMs", ChainedCallTimeout.configured().duration().toMillis());
        spec.stateKeys().forEach(request.putArray("stateKeys")::add);
        spec.givenState().keySet().forEach(request.putArray("givenKeys")::add);
        request.put("probeUploaded", probeUploaded);
        ObjectNode files = request.putObject("files");
        spec.givenFiles().forEach((path, bytes) -> files.put(path, Base64.getEncoder().encodeToString(bytes)));
        return request.toString();
    }

    /**
     * The global value of every key the spec names, read by the state probe: the cluster's, or, for a
     * key the cluster has no value for, the browser's own copy (a key the browser created first is its
     * own, as on Faasm's inmemory main).
     */
    private static Map<String, byte[]> stateAfter(Spec spec, String user, StateProbe probe, JsonNode local)
            throws InterruptedException, TimeoutException {
        Map<String, byte[]> state = new LinkedHashMap<>();
        Map<String, byte[]> global = probe.values(user, spec.stateKeys());
        for (String key : spec.stateKeys()) {
            if (global.containsKey(key)) {
                state.put(key, global.get(key));
            } else if (local.has(key)) {
                state.put(key, Base64.getDecoder().decode(local.get(key).asText()));
            }
        }
        return state;
    }

    private static boolean usesClusterFunctions(Placement placement) {
        return placement.chained() == Placement.Chained.CLUSTER || placement.entry().equals(Optional.of(Placement.Entry.JVM));
    }

    private static String consoleNote(List<String> console) {
        return console.isEmpty() ? "" : "; console: " + String.join(" | ", console);
    }

    private synchronized Started start() throws IOException {
        if (started == null) {
            Path executable = chromium.executable().orElseThrow(() -> new IOException(chromium.description()));
            Optional<EmbeddedCluster> cluster = options.cluster().isPresent() ? Optional.empty()
                    : Optional.of(EmbeddedCluster.start(CLUSTER_WORKERS, CLUSTER_MESSAGE_TIMEOUT));
            FaasmEndpoints endpoints = options.cluster()
                    .orElseGet(() -> new FaasmEndpoints(cluster.get().plannerUri(), cluster.get().uploadUri()));
            // The page reaches the cluster, real or embedded, through its server's same-origin proxy:
            // a cross-origin PUT would make the browser send a preflight, and OPTIONS crashes Faasm.
            StaticServer server = new StaticServer(options.wasmDir(), endpoints, options.requestTimeout());
            FaasmClient client = new FaasmClient(endpoints, options.requestTimeout());
            started = new Started(server, cluster, client, new StateProbe(client, options.wasmDir()),
                    new BrowserSession(executable, server.page()));
        }
        return started;
    }

    /** Package access for tests and benchmarks: the started session. */
    synchronized BrowserSession session() throws IOException {
        return start().session;
    }

    /** Package access for benchmarks: the client of the cluster the page offloads to. */
    synchronized FaasmClient client() throws IOException {
        return start().client;
    }

    /** Package access for benchmarks: that cluster as the page reaches it, through its server's proxy. */
    synchronized FaasmEndpoints pageEndpoints() throws IOException {
        return start().server.proxiedEndpoints();
    }

    @Override
    public synchronized void close() {
        if (started != null) {
            started.session.close();
            started.server.close();
            started.cluster.ifPresent(EmbeddedCluster::close);
            started = null;
        }
    }
}
