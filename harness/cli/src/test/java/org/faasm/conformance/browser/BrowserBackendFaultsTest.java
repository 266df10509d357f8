package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.faasm.conformance.faasm.FaasmEndpoints;
import org.faasm.conformance.faasm.StateProbe;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.spec.BytesMatcher;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.testing.TinyModule;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the browser backend must survive: each fault gets a clear verdict quickly, and the next spec still runs. */
class BrowserBackendFaultsTest {
    private static final Path WASM = ProjectLayout.locate().wasm();

    @BeforeAll
    static void needsChromium() {
        ChromiumLocator.Result chromium = ChromiumLocator.system().locate();
        assumeTrue(chromium.executable().isPresent(), chromium.description());
    }

    @Test
    void aGuestThatLoopsForeverTimesOutItsWorkerIsTerminatedAndTheNextSpecRuns() throws Exception {
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(WASM));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
            Verdict looping = runner.run(spec("loop_forever", Placement.DEFAULT, Optional.of(500L)), backend);
            assertThat(looping.status()).isEqualTo(Status.TIMEOUT);
            assertThat(looping.message()).contains("no result within 500 ms").doesNotContain("did not stop");
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
            assertThat(backend.session().evaluate(BrowserSession.CALL_DEADLINE, "() => faasm.runs()", null)).isEqualTo(0);
        }
    }

    @Test
    void aLargeInputNeitherBlocksTheBrowserNorTheSpecsAfterIt() throws Exception {
        int size = 50 << 20;
        // Generous for moving 50 MiB in and its echo out on a loaded machine; the spec after it keeps the default.
        Duration large = Duration.ofSeconds(60);
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(WASM));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            Spec big = new Spec("test/large_input", Path.of("large_input.yaml"), "", "input_size", new byte[size], "", 1,
                    Optional.of(large.toMillis()), Map.of(), Set.of(), Expectation.NOTHING, List.of(), false, Placement.DEFAULT);
            Verdict verdict = runner.run(big, backend);
            assertThat(verdict.observation()).as(verdict.message())
                    .hasValueSatisfying(o -> assertThat(o.output()).asString().isEqualTo("size=" + size));
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aPageCallPastItsDeadlineReplacesTheBrowserAndTheNextSpecRuns() throws Exception {
        Duration deadline = Duration.ofSeconds(2);
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(WASM));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
            // The page's own thread never returns: Playwright's call is stuck until its driver is killed.
            assertThatThrownBy(() -> backend.session().evaluate(deadline, "() => { for (;;) {} }", null))
                    .isInstanceOf(IOException.class).hasMessageContaining("did not answer within " + deadline.toMillis() + " ms");
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aModuleWithoutConstructorsDoesNotBindAndNothingOfItRuns(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("no_ctors.wasm"), TinyModule.withoutConstructors());
        // The backend reads state through its probe function, from the same folder.
        String probe = StateProbe.FUNCTION + ".wasm";
        Files.copy(WASM.resolve(probe), dir.resolve(probe));
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(dir));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(20))) {
            Verdict verdict = runner.run(spec("no_ctors", Placement.DEFAULT, Optional.empty()), backend);
            assertThat(verdict.observation()).hasValueSatisfying(o -> {
                assertThat(o.outcome()).isEqualTo(Outcome.NOT_FOUND);
                assertThat(o.returnValue()).isEqualTo(1);
                assertThat(o.output()).asString().isEqualTo("Error trying to claim executor");
                assertThat(o.error()).isEqualTo("bind failed: Did not find __wasm_call_ctors");
            });
        }
    }

    @Test
    void aCrashedPageIsAnErrorAndIsReplaced() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "finding the renderer needs /proc");
        crashDuringARun(session -> session.browserProcess().orElseThrow().descendants()
                .filter(p -> commandLine(p).contains("--type=renderer"))
                .forEach(ProcessHandle::destroyForcibly));
    }

    /** Chromium's child processes rewrite their command line, which ProcessHandle then cannot split; /proc has it. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aCrashedBrowserIsAnErrorAndIsRestarted() throws Exception {
        crashDuringARun(BrowserSession::killBrowser);
    }

    private static void crashDuringARun(java.util.function.Consumer<BrowserSession> crash) throws Exception {
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(WASM));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
            CompletableFuture<Verdict> looping = CompletableFuture.supplyAsync(
                    () -> runner.run(spec("loop_forever", Placement.DEFAULT, Optional.of(20_000L)), backend));
            Thread.sleep(1000);
            crash.accept(backend.session());
            Verdict crashed = looping.get();
            assertThat(crashed.status()).isEqualTo(Status.ERROR);
            assertThat(crashed.message()).contains("the browser failed");
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aClusterThatIsDownIsAnErrorWithoutAWait() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        // An ERROR before the spec's deadline, itself far shorter than the request deadline: nothing waited for a reply.
        Duration requestDeadline = Duration.ofMinutes(2);
        BrowserOptions options = BrowserOptions.defaults(WASM).withCluster(new FaasmEndpoints(nowhere, nowhere))
                .withRequestTimeout(requestDeadline);
        try (BrowserBackend backend = new BrowserBackend(options);
                SpecRunner runner = new SpecRunner(requestDeadline.dividedBy(4))) {
            // The guest's first state read needs the cluster (the state probe, uploaded by the page first):
            // the page's proxied request fails at once.
            Verdict reading = runner.run(spec("state_rw", Placement.DEFAULT, Optional.empty()), backend);
            assertThat(reading.status()).isEqualTo(Status.ERROR);
            assertThat(reading.message()).contains("answered 502: cluster unreachable at " + nowhere + "/f/");
            // Functions the cluster should run cannot even be uploaded.
            Verdict chaining = runner.run(spec("chain_by_name", new Placement(Optional.empty(), Placement.Chained.CLUSTER), Optional.empty()), backend);
            assertThat(chaining.status()).isEqualTo(Status.ERROR);
            assertThat(chaining.message()).contains("cannot reach the upload server");
            // A spec that never touches the cluster still runs.
            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aClusterAnswering500IsAnErrorWithItsReason() throws Exception {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        failing.createContext("/", exchange -> {
            byte[] body = "planner on fire".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        URI broken = URI.create("http://127.0.0.1:" + failing.getAddress().getPort());
        try (BrowserBackend backend = new BrowserBackend(BrowserOptions.defaults(WASM).withCluster(new FaasmEndpoints(broken, broken)));
                SpecRunner runner = new SpecRunner(Duration.ofSeconds(5))) {
            Verdict reading = runner.run(spec("state_rw", Placement.DEFAULT, Optional.empty()), backend);
            assertThat(reading.status()).isEqualTo(Status.ERROR);
            assertThat(reading.message()).contains("PUT /f/ of the state probe answered 500: planner on fire");
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void aClusterThatNeverAnswersIsAnErrorAfterTheRequestDeadline() throws Exception {
        // The spec's deadline leaves room for many request deadlines, so only the request deadline can end the run;
        // the silent server holds each request longer than the spec may last.
        Duration requestDeadline = BrowserOptions.REQUEST_TIMEOUT;
        Duration specDeadline = requestDeadline.multipliedBy(15);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        CompletableFuture<Void> released = new CompletableFuture<>();
        silent.createContext("/", exchange -> {
            released.completeOnTimeout(null, specDeadline.multipliedBy(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
            exchange.close();
        });
        java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
        silent.setExecutor(handlers);
        silent.start();
        URI hanging = URI.create("http://127.0.0.1:" + silent.getAddress().getPort());
        BrowserOptions options = BrowserOptions.defaults(WASM).withCluster(new FaasmEndpoints(hanging, hanging))
                .withRequestTimeout(requestDeadline);
        try (BrowserBackend backend = new BrowserBackend(options);
                SpecRunner runner = new SpecRunner(specDeadline)) {
            Verdict reading = runner.run(spec("state_rw", Placement.DEFAULT, Optional.empty()), backend);
            assertThat(reading.status()).isEqualTo(Status.ERROR);
            assertThat(reading.message()).contains("no answer within " + requestDeadline.toMillis() + " ms");
        } finally {
            released.complete(null);
            silent.stop(0);
            handlers.shutdownNow();
        }
    }

    private static Spec echo() {
        Expectation expect = new Expectation(Optional.of(0), Optional.of(new BytesMatcher.Exact(Bytes.utf8("hi"))),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        return new Spec("test/echo", Path.of("echo.yaml"), "", "echo", Bytes.utf8("hi"), "", 1, Optional.empty(), Map.of(),
                Set.of(), expect, List.of());
    }

    private static Spec spec(String function, Placement placement, Optional<Long> timeoutMs) {
        return new Spec("test/" + function, Path.of(function + ".yaml"), "", function, new byte[0], "", 1, timeoutMs,
                Map.of(), Set.of(), Expectation.NOTHING, List.of(), false, placement);
    }
}
