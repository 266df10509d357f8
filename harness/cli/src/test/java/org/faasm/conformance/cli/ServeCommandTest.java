package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.testing.Chromium;
import org.faasm.conformance.testing.RequiredInCi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in this JVM, opened by a real browser: Debian's Chromium with JSPI and with JSPI
 * hidden from the page (this Chromium has no switch that turns JSPI off: WebAssembly.Suspending
 * stays a function under --js-flags=--no-experimental-wasm-jspi and
 * --disable-features=WebAssemblyJSPromiseIntegration), and Firefox ESR with JSPI turned off in its
 * profile where it is installed. Each run's verdicts come back in a column named after the browser,
 * whose version says which path the blocking host calls took.
 */
class ServeCommandTest {
    private static final List<String> SPECS = List.of("chaining/by_name", "chaining/await_output", "chaining/nested",
            "state/push_pull", "state/locks", "state/lock_exclusion");
    /** Starting the cluster and the page, then six specs of about a second each: minutes of margin on a loaded machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final Pattern URL = Pattern.compile("Open (http://127\\.0\\.0\\.1:[0-9]+/suite\\.html\\?key=[0-9a-f]{32}) ");
    private static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");

    @Test
    void chromiumWithJspi(@TempDir Path dir) throws Exception {
        JsonNode report = serveInChromium(dir, context -> {});
        assertRan(report, "headlesschrome-", "blocking calls through jspi");
    }

    @Test
    void chromiumWithoutJspiTakesTheSyncXhrBridge(@TempDir Path dir) throws Exception {
        // Hidden before any script of the page runs; the workers run the host under /sync/, which never asks for JSPI.
        JsonNode report = serveInChromium(dir, context -> context.addInitScript("delete WebAssembly.Suspending; delete WebAssembly.promising;"));
        assertRan(report, "headlesschrome-", "blocking calls through sync-xhr");
    }

    @Test
    void firefoxWithJspiOff(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(FIREFOX)) {
            RequiredInCi.missing("no Firefox ESR at " + FIREFOX + " (apt-get install firefox-esr)");
        }
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Files.writeString(profile.resolve("user.js"), "user_pref(\"javascript.options.wasm_js_promise_integration\", false);\n");
        JsonNode report = serve(dir.resolve("out"), url -> {
            Process firefox = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile", profile.toString(), url)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("firefox.log").toFile()).start();
            return () -> {
                firefox.descendants().forEach(ProcessHandle::destroy);
                firefox.destroy();
                firefox.waitFor(30, TimeUnit.SECONDS);
            };
        });
        assertRan(report, "firefox-", "blocking calls through sync-xhr");
    }

    @Test
    void endsAtTheDeadlineWhenNoBrowserComes(@TempDir Path dir) {
        Cli.Result result = Cli.run("serve", "--spec", "io/echo_text", "--deadline", "2", "--out", dir.toString());
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Open http://127\\.0\\.0\\.1:[0-9]+/suite\\.html\\?key=[0-9a-f]{32} ")
                .contains("deadline", "No browser opened", "within 2 s: nothing ran, no report written.");
        assertThat(dir.resolve("report.json")).doesNotExist();
    }

    @Test
    void refusesANonPositiveDeadline() {
        Cli.Result result = Cli.run("serve", "--deadline", "0");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--deadline and --timeout must be positive");
    }

    /** A browser opened at the served URL; closing it ends the browser. */
    private interface Opened {
        void close() throws Exception;
    }

    private interface Opener {
        Opened open(String url) throws Exception;
    }

    private static JsonNode serveInChromium(Path dir, Consumer<BrowserContext> setUp) throws Exception {
        Path chromium = Chromium.required();
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            BrowserContext context = browser.newContext();
            setUp.accept(context);
            return serve(dir.resolve("out"), url -> {
                // Opened without waiting for the load: the page's own script runs the suite from there.
                context.newPage().navigate(url, new com.microsoft.playwright.Page.NavigateOptions().setTimeout(60_000));
                return context::close;
            });
        }
    }

    /** Runs {@code serve} on the specs here, opens the printed URL with {@code opener}, and reads the report it wrote. */
    private static JsonNode serve(Path out, Opener opener) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--out", out.toString(), "--deadline", String.valueOf(DEADLINE.toSeconds())));
        SPECS.forEach(spec -> args.addAll(List.of("--spec", spec)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> Main.commandLine().execute(args.toArray(String[]::new)));
            Opened browser = opener.open(awaitUrl(printed, serving));
            try {
                exit = serving.get(DEADLINE.toSeconds() + 60, TimeUnit.SECONDS);
            } finally {
                browser.close();
            }
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("Reports: ");
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    private static String awaitUrl(ByteArrayOutputStream printed, CompletableFuture<Integer> serving) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until) && !serving.isDone()) {
            Matcher url = URL.matcher(printed.toString(StandardCharsets.UTF_8));
            if (url.find()) {
                return url.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URL within 60 s: " + printed.toString(StandardCharsets.UTF_8));
    }

    private static void assertRan(JsonNode report, String columnPrefix, String path) {
        JsonNode backend = report.path("backends").get(0);
        assertThat(report.path("backends").size()).isEqualTo(1);
        assertThat(backend.path("name").asText()).startsWith(columnPrefix).matches(".*-[0-9]+(\\.[0-9]+)+");
        assertThat(backend.path("version").asText()).contains(path);
        assertThat(backend.path("expectations").asText()).isEqualTo("browser");
        List<String> specs = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        report.path("results").forEach(r -> {
            specs.add(r.path("spec").asText());
            verdicts.add(r.path("spec").asText() + " " + r.path("status").asText() + " " + r.path("message").asText());
        });
        assertThat(specs).containsExactlyInAnyOrderElementsOf(SPECS);
        assertThat(verdicts).as("the verdicts").allMatch(v -> v.contains(" PASS "), "all PASS");
    }
}
