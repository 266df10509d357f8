package org.faasm.conformance.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.support.DaemonThreads;

/**
 * One Playwright, its Chromium and one page, owned by a thread of their own (Playwright is not
 * thread-safe). Every call has a deadline. A call that overruns it kills the driver, its processes
 * and all, for good: Playwright's thread can stay blocked even after Chromium is gone, so only a
 * fresh driver is sure to answer. A crashed page or browser is replaced before the next call.
 */
final class PageDriver {
    /** A call made on the page, on the driver's thread. */
    interface PageCall<T> {
        T apply(Page page);
    }

    /** Names this driver's processes: on Chromium's command line, and in the environment of Playwright's driver and Chromium. */
    private static final String MARKER_NAME = "FAASM_CONFORMANCE_SESSION";
    private static final String SWITCH = "--faasm-conformance-session=";

    private final Path chromium;
    private final URI pageUri;
    private final String marker = UUID.randomUUID().toString();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("faasm-browser-playwright-"));
    /** Filled by the page's callbacks on the driver's thread, taken from another. */
    private final List<String> console = new CopyOnWriteArrayList<>();
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private volatile boolean crashed;
    private volatile boolean killed;
    private volatile String version;

    PageDriver(Path chromium, URI pageUri) {
        this.chromium = chromium;
        this.pageUri = pageUri;
    }

    /** Starts what is not running (Playwright, Chromium, the page) without waiting. */
    Future<?> startInBackground() {
        return thread.submit(() -> {
            ensureStarted();
            return null;
        });
    }

    /**
     * Runs {@code call} on the page, first starting what is not running. Past {@code deadline} the
     * driver is killed and the call fails; interrupted, the caller stops waiting but the call goes on.
     */
    <T> T call(Duration deadline, PageCall<T> call) throws IOException, InterruptedException {
        if (killed) {
            throw new IOException("the browser was replaced after a call that did not answer");
        }
        Future<T> running = thread.submit(() -> {
            ensureStarted();
            try {
                return call.apply(page);
            } catch (PlaywrightException e) {
                // The page crashed, the browser went away or the page's script failed: start afresh next time.
                discardPage();
                throw new IOException("the browser failed: " + firstLine(e.getMessage()) + consoleNote(), e);
            }
        });
        try {
            return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new IOException("the browser did not answer within " + deadline.toMillis()
                    + " ms; its Playwright and Chromium were killed and will be replaced" + consoleNote());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException cause ? cause : new IOException(e.getCause());
        }
    }

    boolean killed() {
        return killed;
    }

    /** The browser's version once started. */
    Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The console lines since the last take. */
    List<String> takeConsole() {
        List<String> lines = List.copyOf(console);
        console.removeAll(lines);
        return lines;
    }

    /** This driver's Chromium main process, if it is running. */
    Optional<ProcessHandle> browserProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(SWITCH + marker)).orElse(false))
                .filter(p -> p.info().arguments().map(a -> Arrays.stream(a).noneMatch(x -> x.startsWith("--type="))).orElse(false))
                .findFirst();
    }

    /** Kills Chromium: the call in flight then fails, and the next call starts a new browser. Safe from any thread. */
    void killBrowser() {
        browserProcess().ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * Kills every process of this driver (Playwright's driver, Chromium and its children, found by the
     * marker in their environment; where there is no /proc, Chromium alone) and never runs a call again.
     */
    void kill() {
        killed = true;
        killBrowser();
        ProcessHandle.current().descendants().filter(this::marked).forEach(ProcessHandle::destroyForcibly);
        thread.shutdownNow();
    }

    /** Closes everything in order, or kills it when that does not finish within {@code deadline}. */
    void close(Duration deadline) {
        Future<?> closing = thread.submit(this::closeAll);
        try {
            closing.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            thread.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } catch (ExecutionException | TimeoutException e) {
            kill();
        }
    }

    private boolean marked(ProcessHandle process) {
        try {
            String environment = Files.readString(Path.of("/proc/" + process.pid() + "/environ"), StandardCharsets.ISO_8859_1);
            return environment.contains(MARKER_NAME + "=" + marker);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private void ensureStarted() throws IOException {
        try {
            if (playwright == null) {
                playwright = BrowserLauncher.playwright(Map.of(MARKER_NAME, marker));
            }
            if (browser == null || !browser.isConnected()) {
                closeQuietly(browser);
                page = null;
                browser = BrowserLauncher.launch(playwright, chromium, List.of(SWITCH + marker));
                version = "Chromium " + browser.version() + " (Playwright for Java, JSPI)";
            }
            if (page == null || page.isClosed() || crashed) {
                discardPage();
                page = openPage();
            }
        } catch (PlaywrightException e) {
            // Whatever half started is unusable; the next call starts from nothing.
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

    private void closeAll() {
        discardPage();
        closeQuietly(browser);
        closeQuietly(playwright);
        browser = null;
        playwright = null;
    }

    private String consoleNote() {
        return console.isEmpty() ? "" : "; console: " + String.join(" | ", console);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
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
}
