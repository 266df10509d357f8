package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser backend's page, through a {@link PageDriver} that is replaced whenever one of its calls
 * overruns its deadline. Each run gets a fresh worker in the page. A run never blocks a call for long:
 * the page answers within a slice, so an interrupted run (the spec's time is up) terminates its worker
 * between slices. Inputs and results never pass through Playwright (see {@link RunMailbox}).
 */
final class BrowserSession implements BrowserPage {
    /** How long one page call waits for a run before the caller looks at its interrupt again. */
    static final int SLICE_MS = 50;
    /** A page call answers within a slice; this leaves a loaded machine ample room before the driver counts as stuck. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    /** Starting Playwright and Chromium and loading the page: seconds on a loaded machine (within SpecRunner's prepare deadline). */
    static final Duration START_DEADLINE = Duration.ofSeconds(60);
    /** How long an interrupted run's worker may take to be terminated before the driver is replaced. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run's outcome ({done} or {error}) and what the console showed meanwhile. */
    record Outcome(JsonNode outcome, List<String> console) {}

    private final Path chromium;
    private final URI pageUri;
    private final AtomicInteger runs = new AtomicInteger();
    private PageDriver driver;
    private volatile Future<?> starting;

    BrowserSession(Path chromium, URI pageUri) {
        this.chromium = chromium;
        this.pageUri = pageUri;
    }

    /** Starts Playwright, Chromium and the page without waiting (or replaces what crashed). */
    @Override
    public void startInBackground() {
        starting = driver().startInBackground();
    }

    /** Waits until the session can run, starting what is not running. */
    @Override
    public void awaitStarted() throws IOException, InterruptedException {
        driver().call(START_DEADLINE, page -> null);
    }

    /**
     * Runs a request in a fresh worker. Interrupted, it terminates the worker (or, when the page does not
     * answer, replaces the driver) and throws {@link InterruptedException}.
     */
    @Override
    public Outcome run(String requestJson) throws IOException, InterruptedException {
        awaitStarted();
        PageDriver page = driver();
        page.takeConsole();
        // The id is chosen here, so an interrupt at any point knows which worker to terminate.
        int runId = runs.incrementAndGet();
        JsonNode outcome = NullNode.getInstance();
        try {
            String first = page.call(CALL_DEADLINE,
                    p -> (String) p.evaluate("([r, id, ms]) => faasm.run(r, id, ms)", List.of(requestJson, runId, SLICE_MS)));
            outcome = first == null ? outcome : JSON.readTree(first);
            while (outcome.isNull()) {
                String next = page.call(CALL_DEADLINE, p -> (String) p.evaluate("([id, ms]) => faasm.wait(id, ms)", List.of(runId, SLICE_MS)));
                outcome = next == null ? outcome : JSON.readTree(next);
            }
        } catch (InterruptedException e) {
            stop(page, runId);
            throw e;
        }
        return new Outcome(outcome, page.takeConsole());
    }

    /** Terminates a run's worker; a page that does not answer in time is killed, which stops the worker too. */
    private static void stop(PageDriver page, int runId) {
        try {
            page.call(STOP_DEADLINE, p -> p.evaluate("id => faasm.terminate(id)", runId));
        } catch (IOException e) {
            // The driver failed or was killed: no worker of it runs on.
        } catch (InterruptedException e) {
            page.kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Evaluates a script in the page (tests and benchmarks), within {@code deadline}. */
    Object evaluate(Duration deadline, String script, Object argument) throws IOException, InterruptedException {
        awaitStarted();
        return driver().call(deadline, page -> page.evaluate(script, argument));
    }

    /** The browser's version (waiting briefly for a start under way), else where it will start from. */
    @Override
    public String version() {
        Future<?> start = starting;
        if (start != null) {
            try {
                start.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Not started: say where it would start from.
            }
        }
        return current().flatMap(PageDriver::version).orElse("Chromium at " + chromium + " (not started)");
    }

    /** Kills the current Chromium (tests): the call in flight fails and the next run starts a new browser. */
    void killBrowser() {
        current().ifPresent(PageDriver::killBrowser);
    }

    /** The current Chromium's main process, if it is running. */
    Optional<ProcessHandle> browserProcess() {
        return current().flatMap(PageDriver::browserProcess);
    }

    /** The driver, a fresh one when there is none or the last was killed. */
    private synchronized PageDriver driver() {
        if (driver == null || driver.killed()) {
            driver = new PageDriver(chromium, pageUri);
        }
        return driver;
    }

    private synchronized Optional<PageDriver> current() {
        return Optional.ofNullable(driver);
    }

    @Override
    public void close() {
        current().ifPresent(page -> page.close(Duration.ofSeconds(10)));
    }
}
