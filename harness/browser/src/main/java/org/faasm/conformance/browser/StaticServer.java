package org.faasm.conformance.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.wavm.LinkTables;
import org.faasm.conformance.support.DaemonThreads;
import org.faasm.conformance.support.LoopbackHttp;

/**
 * Serves the browser backend's page on 127.0.0.1: the page and its JavaScript modules (class-path
 * resources under {@code browser/}), {@code wasm/<function>.wasm} from the project's wasm folder, and
 * {@code faasm-imports.json}, the host interface's import list taken from {@link FaasmImport} so the
 * JavaScript host and the Java one share one definition. It also forwards {@code /faasm-upload/…} and
 * {@code /faasm-planner/…} to the cluster (see {@link ClusterProxy}), and carries each run's input and
 * result under {@code /run/…} (see {@link RunMailbox}), and our host for a browser without JSPI under
 * {@code /sync/…} (see {@link SyncHost}).
 */
final class StaticServer implements AutoCloseable {
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(html|mjs|json)");
    /** Modules, also below /sync/, where the host without JSPI finds them relative to itself. */
    private static final Pattern WASM = Pattern.compile("(?:" + SyncHost.PREFIX + ")?/wasm/([A-Za-z0-9_.-]{1,128})\\.wasm");
    /** The page and its modules do not change while the server runs; every fresh worker may reuse them. */
    private static final String FIXED = "max-age=3600";
    /** Modules are compiled once per page anyway; a rebuilt one must never come from a cache. */
    private static final String FRESH = "no-store";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "mjs", "text/javascript; charset=utf-8", "json", "application/json");

    static final String UPLOAD_PREFIX = "/faasm-upload";
    static final String PLANNER_PREFIX = "/faasm-planner";
    /** Where a third party's host module and the files beside it are served (BrowserHost). */
    static final String HOST_PREFIX = "/host";
    private static final Pattern HOST_FILE = Pattern.compile(HOST_PREFIX + "/([A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(mjs|js|json|wasm))");

    private final Path wasmDir;
    private final Optional<Path> hostFolder;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("faasm-browser-static-"));
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
    private final byte[] faasmImports = LinkTables.faasmTable().toString().getBytes(StandardCharsets.UTF_8);
    /** What WAVM links, so the page refuses at bind what WAVM would (the browser follows WAVM). */
    private final byte[] wavmImports = LinkTables.wavmImports().toString().getBytes(StandardCharsets.UTF_8);
    private final RunMailbox mailbox = new RunMailbox();
    private final PageGuard guard;
    /** The host without JSPI, made once per module from its resource. */
    private final Map<String, byte[]> syncHost = new ConcurrentHashMap<>();

    StaticServer(Path wasmDir, Optional<Path> hostFolder, FaasmEndpoints cluster, Duration timeout) throws IOException {
        this.wasmDir = wasmDir;
        this.hostFolder = hostFolder.map(f -> f.toAbsolutePath().normalize());
        this.server = LoopbackHttp.create();
        this.guard = new PageGuard(server.getAddress().getPort());
        mount("/", this::handle);
        mount(UPLOAD_PREFIX, new ClusterProxy(UPLOAD_PREFIX, cluster.upload(), timeout));
        mount(PLANNER_PREFIX, new ClusterProxy(PLANNER_PREFIX, cluster.planner(), timeout));
        mount(RunMailbox.PREFIX, mailbox);
        server.setExecutor(threads);
        server.start();
    }

    /** The cluster as the page reaches it through this server's proxy, from the page's own origin. */
    FaasmEndpoints proxiedEndpoints() {
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        return new FaasmEndpoints(URI.create(origin + PLANNER_PREFIX), URI.create(origin + UPLOAD_PREFIX));
    }

    /** Serves {@code handler} under {@code prefix} too (the {@code serve} command's suite page), behind the {@link PageGuard}. */
    void mount(String prefix, HttpHandler handler) {
        server.createContext(prefix, handler).getFilters().add(guard);
    }

    /** From now on only the browser that opens {@link #page(String)}'s URL with the returned key may call this server. */
    String requireKey() {
        return guard.requireKey();
    }

    /** Where runs leave their input for the page and find its result. */
    RunMailbox mailbox() {
        return mailbox;
    }

    /** The page, e.g. {@code http://127.0.0.1:41234/index.html}. */
    URI page() {
        return page("index.html");
    }

    /** A page of this server by name. */
    URI page(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "only GET".getBytes(StandardCharsets.UTF_8), FRESH);
            } else if (path.equals("/faasm-imports.json")) {
                send(exchange, 200, TYPES.get("json"), faasmImports, FIXED);
            } else if (path.equals("/wavm-imports.json")) {
                send(exchange, 200, TYPES.get("json"), wavmImports, FIXED);
            } else if (hostFolder.isPresent() && HOST_FILE.matcher(path).matches()) {
                sendHostFile(exchange, HOST_FILE.matcher(path).replaceFirst("$1"));
            } else if (WASM.matcher(path).matches()) {
                sendWasm(exchange, WASM.matcher(path).replaceFirst("$1"));
            } else if (SyncHost.serves(path) && resource(SyncHost.source(path)) != null) {
                send(exchange, 200, TYPES.get("mjs"), syncHost.computeIfAbsent(path, p -> SyncHost.of(p, resource(SyncHost.source(p)))), FIXED);
            } else if (RESOURCE.matcher(path.substring(1)).matches() && resource(path.substring(1)) != null) {
                String name = path.substring(1);
                send(exchange, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), resource(name), FIXED);
            } else {
                send(exchange, 404, "text/plain", ("no " + path).getBytes(StandardCharsets.UTF_8), FRESH);
            }
        }
    }

    private void sendWasm(HttpExchange exchange, String function) throws IOException {
        Path file = wasmDir.resolve(function + ".wasm");
        if (function.equals(".") || function.equals("..") || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", ("no module " + file).getBytes(StandardCharsets.UTF_8), FRESH);
        } else {
            send(exchange, 200, "application/wasm", Files.readAllBytes(file), FRESH);
        }
    }

    /** A file of the third party's host folder (the pattern admits no '..'), read afresh: it may be in the making. */
    private void sendHostFile(HttpExchange exchange, String relative) throws IOException {
        Path file = hostFolder.get().resolve(relative).normalize();
        if (!file.startsWith(hostFolder.get()) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", ("no host file " + relative).getBytes(StandardCharsets.UTF_8), FRESH);
        } else {
            String extension = relative.substring(relative.lastIndexOf('.') + 1);
            String type = extension.equals("wasm") ? "application/wasm" : TYPES.getOrDefault(extension, TYPES.get("mjs"));
            send(exchange, 200, type, Files.readAllBytes(file), FRESH);
        }
    }

    /** A class-path resource under browser/, read once; null when there is none. */
    private byte[] resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            try (InputStream in = StaticServer.class.getClassLoader().getResourceAsStream("browser/" + n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String caching) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", caching);
        LoopbackHttp.send(exchange, status, type, body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
