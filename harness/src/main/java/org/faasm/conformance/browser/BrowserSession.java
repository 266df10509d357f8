package org.faasm.conformance.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.faasm.conformance.support.DaemonThreads;

/**
 * One Playwright, one Chromium and one page, owned by a single thread (Playwright is not thread-safe).
 * Each run gets a fresh worker in that page. A run never blocks that thread for long: the page answers
 * within a slice, so a cancelled run (the spec's time is up) terminates its worker between slices. A
 * crashed page or browser, or a Playwright that lost its driver, is replaced before the next run.
 */
final class BrowserSession implements AutoCloseable {
    /** How long one page call waits for a run before the thread looks at the cancel flag again. */
    static final int SLICE_MS = 50;
    private static final ObjectMapper JSON = new org.faasm.conformance.support.BoundedJsonMapper();

    /** A run's outcome ({result} or {error}) and what the console showed meanwhile. */
    record Outcome(JsonNode outcome, List<String> console) {}

    private final Path chromium;
    private final URI pageUri;
    /** An inert switch on this session's Chromium command line, to find its process. */
    private final String marker = "--faasm-conformance-session=" + java.util.UUID.randomUUID();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("faasm-browser-playwright-"));
    private final List<String> console = new ArrayList<>();
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private volatile boolean crashed;
    private volatile String version;
    private volatile Future<?> warming;

    BrowserSession(Path chromium, URI pageUri) {
        this.chromium = chromium;
        this.pageUri = pageUri;
    }

    /** Runs a request in a fresh worker on the session's thread; empty outcome when cancelled. */
    Future<Outcome> submit(String requestJson, AtomicBoolean cancelled) {
        return thread.submit(() -> run(requestJson, cancelled));
    }

    /**
     * Starts Playwright, Chromium and the page on the session's thread (or replaces a crashed one);
     * done when the session is ready to run.
     */
    Future<?> warmUp() {
        Future<?> start = thread.submit(() -> {
            ensureStarted();
            return null;
        });
        warming = start;
        return start;
    }

    /** Evaluates a script in the page on the session's thread (tests and benchmarks). */
    Future<Object> evaluate(String script, Object argument) {
        return thread.submit(() -> {
            ensureStarted();
            return page.evaluate(script, argument);
        });
    }

    /** The browser's version (waiting briefly for a start under way), else where it will start from. */
    String version() {
        Future<?> start = warming;
        if (version == null && start != null) {
            try {
                start.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // Not started: say where it would start from.
            }
        }
        return version != null ? version : "Chromium at " + chromium + " (not started)";
    }

    private Outcome run(String requestJson, AtomicBoolean cancelled) throws IOException {
        ensureStarted();
        console.clear();
        try {
            JsonNode started = parse((String) page.evaluate("([r, ms]) => faasm.run(r, ms)", List.of(requestJson, SLICE_MS)));
            int runId = started.get("runId").asInt();
            JsonNode outcome = started.get("outcome");
            while (outcome.isNull()) {
                if (cancelled.get()) {
                    page.evaluate("id => faasm.terminate(id)", runId);
                    return new Outcome(null, List.copyOf(console));
                }
                String next = (String) page.evaluate("([id, ms]) => faasm.wait(id, ms)", List.of(runId, SLICE_MS));
                outcome = next == null ? outcome : parse(next);
            }
            return new Outcome(outcome, List.copyOf(console));
        } catch (PlaywrightException e) {
            // The page crashed, the browser went away or the page's script failed: start afresh next time.
            discardPage();
            throw new IOException("the browser failed: " + firstLine(e.getMessage()) + consoleNote(), e);
        }
    }

    private void ensureStarted() throws IOException {
        try {
            if (playwright == null) {
                playwright = BrowserLauncher.playwright();
            }
            if (browser == null || !browser.isConnected()) {
                closeQuietly(browser);
                page = null;
                browser = BrowserLauncher.launch(playwright, chromium, List.of(marker));
                version = "Chromium " + browser.version() + " (Playwright for Java, JSPI)";
            }
            if (page == null || page.isClosed() || crashed) {
                discardPage();
                page = openPage();
            }
        } catch (PlaywrightException e) {
            // Whatever half started is unusable; the next run starts from nothing.
            closeAll();
            throw new IOException("cannot start Chromium at " + chromium + ": " + firstLine(e.getMessage()), e);
        }
    }

    private Page openPage() {
        Page opened = browser.newPage();
        crashed = false;
        opened.onConsoleMessage(m -> console.add(m.type() + (m.worker() != null ? " (worker)" : "") + ": " + m.text()));
        opened.onPageError(error -> console.add("page error: " + error));
        opened.onCrash(p -> crashed = true);
        opened.navigate(pageUri.toString());
        opened.waitForFunction("() => window.faasmReady === true");
        return opened;
    }

    private void discardPage() {
        if (page != null) {
            closeQuietly(page.context());
        }
        page = null;
    }

    /**
     * Kills this JVM's Chromium processes, for a session thread stuck in the browser: the call it is
     * blocked in then fails, and the next run starts a new browser. Safe from any thread.
     */
    void killBrowser() {
        browserProcess().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** This session's Chromium main process, if it is running. */
    java.util.Optional<ProcessHandle> browserProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.stream(a).noneMatch(x -> x.startsWith("--type="))).orElse(false))
                .findFirst();
    }

    private String consoleNote() {
        return console.isEmpty() ? "" : "; console: " + String.join(" | ", console);
    }

    private static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private void closeAll() {
        discardPage();
        closeQuietly(browser);
        closeQuietly(playwright);
        browser = null;
        playwright = null;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already gone: nothing left to release.
        }
    }

    @Override
    public void close() {
        Future<?> closing = thread.submit(this::closeAll);
        try {
            closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            killBrowser();
        }
        thread.shutdownNow();
    }
}
