package org.faasm.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.jvm.JvmBackendProviders;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.testing.Chromium;
import org.faasm.conformance.testing.PageErrors;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with megabytes of input and output writes a report of kilobytes: each value once, bounded. */
class ReportBoundsTest {
    private static final int BIG = 4 << 20;
    /** Far below what storing BIG bytes even once would take, far above what the bounded values need. */
    private static final long REPORT_BOUND = 512 << 10;

    @Test
    void largeValuesAreStoredOnceAsTheirEndsWithSizeAndDigest(@TempDir Path root) throws Exception {
        ReportWriter.Written written = write(bigValues(root), root.resolve("reports"));

        assertThat(Files.size(written.json())).isLessThan(REPORT_BOUND);
        assertThat(Files.size(written.html())).isLessThan(REPORT_BOUND);
        JsonNode report = ReportWriter.read(written.json());
        assertThat(new SchemaResource(JsonReport.SCHEMA).validate(report)).isEmpty();

        JsonNode failing = result(report, "io/big_text");
        assertThat(failing.path("status").asText()).isEqualTo("FAIL");
        JsonNode output = failing.path("observation").path("output");
        int half = ReportBounds.EMBEDDED_BYTES / 2;
        assertThat(output.path("size").asLong()).isEqualTo(BIG);
        byte[] text = text();
        assertThat(output.path("sha256").asText()).isEqualTo(sha256(text));
        assertThat(output.path("text").asText()).isEqualTo(new String(text, 0, half, StandardCharsets.US_ASCII));
        assertThat(output.path("tail").asText()).hasSizeBetween(half - 3, half)
                .isEqualTo(new String(text, BIG - output.path("tail").asText().length(), output.path("tail").asText().length(),
                        StandardCharsets.US_ASCII));
        assertThat(output.path("omitted").asLong())
                .isEqualTo(BIG - output.path("text").asText().length() - output.path("tail").asText().length());
        assertThat(output.has("base64")).isFalse();
        assertThat(failing.path("mismatches").get(0).path("actual").asText()).endsWith("… (" + BIG + " bytes)").hasSizeLessThan(2048);

        JsonNode input = result(report, "io/big_binary").path("observation").path("input");
        assertThat(result(report, "io/big_binary").path("status").asText()).isEqualTo("PASS");
        assertThat(input.has("text")).isFalse();
        assertThat(Base64.getDecoder().decode(input.path("base64").asText())).hasSize(half).containsOnly(0xfe);
        assertThat(input.path("sha256").asText()).isEqualTo(sha256(binary()));
    }

    @Test
    void smallValuesAreStoredWholeOnceWithoutDigest(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text");
        JsonNode report = ReportWriter.read(write(project, root.resolve("reports")).json());
        JsonNode output = result(report, "io/echo_text").path("observation").path("output");
        assertThat(output.path("size").asInt()).isEqualTo(output.path("text").asText().length()).isPositive();
        assertThat(output.has("base64")).isFalse();
        assertThat(output.has("sha256")).isFalse();
        assertThat(output.has("omitted")).isFalse();
    }

    @Test
    void longTextsAreCutNamingWhatWasLeftOut() {
        String line = "x".repeat(ReportBounds.EMBEDDED_CHARS + 10);
        assertThat(ReportBounds.text(line)).startsWith("x".repeat(ReportBounds.EMBEDDED_CHARS)).endsWith("… (10 more characters)");
        assertThat(ReportBounds.text("short")).isEqualTo("short");
    }

    @Test
    void thePageShowsExcerptsThatExpandInPlaceAndDownloadWhatTheReportHolds(@TempDir Path root) throws Exception {
        Path chromium = Chromium.required();
        ReportWriter.Written written = write(bigValues(root), root.resolve("reports"));
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            Page page = browser.newPage();
            List<String> errors = PageErrors.collect(page);
            page.navigate(written.html().toUri() + "#io/big_text/jvm-wavm");
            Locator output = page.locator("#details .long-value[data-file='io_big_text.jvm-wavm.output.excerpt.txt']");
            Locator shown = output.locator("pre");
            assertThat(shown.textContent()).startsWith("\"abcdefghijklmnopqrstuvwxyz").contains("more characters: show all")
                    .doesNotContain("bytes not in the report").hasSizeLessThan(2100);

            Locator expand = output.locator("button.expand");
            expand.focus();
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(expand).hasAttribute("aria-expanded", "true");
            PlaywrightAssertions.assertThat(shown).containsText("bytes not in the report (" + BIG + " bytes in all, sha256 " + sha256(text()));
            assertThat(shown.textContent()).hasSizeBetween(ReportBounds.EMBEDDED_BYTES, ReportBounds.EMBEDDED_BYTES + 300);
            String excerpt = new String(download(page, output), StandardCharsets.UTF_8);
            int half = ReportBounds.EMBEDDED_BYTES / 2;
            assertThat(excerpt).startsWith(new String(text(), 0, half, StandardCharsets.US_ASCII) + "\n… ")
                    .contains(" bytes not in the report (" + BIG + " bytes in all, sha256 " + sha256(text()) + ")");
            expand.press("Enter");
            PlaywrightAssertions.assertThat(expand).hasAttribute("aria-expanded", "false");
            PlaywrightAssertions.assertThat(shown).containsText("more characters: show all");

            page.navigate(written.html().toUri() + "#io/long_lines/jvm-wavm");
            Locator whole = page.locator("#details .long-value[data-file='io_long_lines.jvm-wavm.output.txt']");
            assertThat(whole.locator("pre").textContent()).startsWith("\"line 0\\nline 1").endsWith("line 399\\n\"");
            assertThat(download(page, whole)).isEqualTo(longLines());
            assertThat(errors).isEmpty();
        }
    }

    /** Downloads a value's file by keyboard, as a person would save it. */
    private static byte[] download(Page page, Locator value) throws Exception {
        Locator link = value.locator("a.download");
        link.focus();
        Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
        assertThat(download.suggestedFilename()).isEqualTo(value.getAttribute("data-file"));
        return Files.readAllBytes(download.path());
    }

    /** Echo specs: BIG bytes of printable text that fails, BIG bytes of binary that passes, and many short lines that fail. */
    private static TempProject bigValues(Path root) throws Exception {
        TempProject project = new TempProject(root);
        Files.createDirectories(project.layout().specs().resolve("data"));
        echo(project, "big_text", "text.txt", text(), "{text: \"not this\"}");
        echo(project, "big_binary", "binary.bin", binary(), "{file: \"../data/binary.bin\"}");
        echo(project, "long_lines", "lines.txt", longLines(), "{text: \"not this\"}");
        return project;
    }

    /** A spec io/{@code name} echoing {@code input} (written to specs/data/{@code file}) and expecting {@code output}. */
    private static void echo(TempProject project, String name, String file, byte[] input, String output) throws Exception {
        Files.write(project.layout().specs().resolve("data").resolve(file), input);
        project.write("specs/io/" + name + ".yaml", """
                spec: 1
                source: "harness: made in a test"
                function: echo
                input: {file: "../data/%s"}
                expect: {output: %s}
                """.formatted(file, output));
    }

    /** Four hundred short lines: stored whole in the report, yet too long to show at once. */
    private static byte[] longLines() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append("line ").append(i).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text() {
        return filled(i -> 'a' + i % 26);
    }

    private static byte[] binary() {
        return filled(i -> 0xfe);
    }

    private static byte[] filled(IntUnaryOperator byteAt) {
        byte[] bytes = new byte[BIG];
        for (int i = 0; i < BIG; i++) {
            bytes[i] = (byte) byteAt.applyAsInt(i);
        }
        return bytes;
    }

    private static ReportWriter.Written write(TempProject project, Path folder) throws Exception {
        SpecCatalog catalog = SpecCatalog.load(project.layout().specs());
        assertThat(catalog.errors()).isEmpty();
        RunResult run;
        try (BackendPool pool = BackendPool.of(List.of(new JvmBackendProviders.Wavm().create(new BackendConfig(project.layout().wasm()))))) {
            run = new SuiteRun(Duration.ofSeconds(30), Expectations.none())
                    .execute(catalog.specs(), List.of(), pool, (outcome, index, done, total) -> { });
        }
        return ReportWriter.write(run, Coverage.of(run, new ModuleImports(project.layout().wasm())),
                RunInfo.of(project.layout().root()), Optional.empty(), folder);
    }

    private static JsonNode result(JsonNode report, String spec) {
        for (JsonNode result : report.path("results")) {
            if (result.path("spec").asText().equals(spec)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + spec);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
