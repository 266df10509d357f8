package org.faasm.conformance.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.testing.Chromium;
import org.faasm.conformance.testing.PageErrors;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.testing.SmallRun;
import org.faasm.conformance.testing.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of a real run in Chromium and uses it as a person would: the verdict, counts
 * and failures first, the matrix, the filters, a cell's details (deep-linked, by keyboard) with expected
 * against actual, and two backends' traces side by side with the first divergence marked. Leaves the
 * page and screenshots in harness/cli/target/html-report/.
 */
class HtmlReportBrowserTest {

    @Test
    void theMatrixAndACellsDetailsRenderInARealBrowser() throws Exception {
        Path chromium = Chromium.required();
        Path folder = Path.of("target", "html-report").toAbsolutePath();
        ReportWriter.Written written = SmallRun.write(folder, Optional.empty());
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            List<String> consoleErrors = PageErrors.collect(page);
            page.navigate(written.html().toUri().toString());

            Locator rows = page.locator("#matrix tbody tr");
            assertThat(rows).hasCount(SmallRun.SPECS.size());
            assertThat(page.locator("#matrix thead th")).containsText(new String[] {"spec", "tags", "jvm-wavm", "jvm2", "faulty", "agree"});
            assertThat(page.locator("#not-a-ranking")).containsText("not a ranking");
            assertThat(page.locator("td.agree[data-spec='chaining/by_name']")).hasText("diverge");
            assertThat(page.locator("td.agree[data-spec='io/echo_text']")).hasText("agree");

            page.locator("td.cell[data-spec='chaining/by_name'][data-backend='faulty']").click();
            Locator details = page.locator("#details");
            assertThat(details).isVisible();
            assertThat(details.locator("h2")).containsText("chaining/by_name [faulty]");
            assertThat(details.locator("table.fields tr.bad td").first()).hasText("chained");
            assertThat(details.locator(".imports")).containsText("called __faasm_read_input, __faasm_write_output, __faasm_chain_name, __faasm_await_call");
            assertThat(details.locator(".trace-column")).hasCount(2);
            // The faulty host never chained, so where jvm chained it went on to its next call.
            assertThat(details.locator(".trace-column[data-backend='faulty'] li.divergent")).not().containsText("__faasm_chain_name");
            assertThat(details.locator(".trace-column[data-backend='jvm-wavm'] li.divergent")).containsText("__faasm_chain_name(\"echo\"");
            assertThat(details.locator(".divergence-note").first()).containsText("first divergent host call");
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("index.png")).setFullPage(true));

            page.keyboard().press("Escape");
            // A column that cannot run here starts hidden: its UNAVAILABLE cells would keep every row on show.
            Locator away = page.locator("#filter-backend input[value='away']");
            assertThat(away).not().isChecked();
            assertThat(page.locator("#filter-backend label").last()).hasText("away (unavailable)");
            page.locator("#filter-status input[value='PASS']").uncheck();
            assertThat(rows).hasCount(2);
            away.check();
            assertThat(rows).hasCount(SmallRun.SPECS.size());
            away.uncheck();
            page.locator("#filter-status input[value='PASS']").check();
            page.selectOption("#filter-tag", "io");
            assertThat(rows).hasCount(1);
            page.locator("#filter-backend input[value='jvm2']").uncheck();
            assertThat(page.locator("#matrix thead th")).hasCount(5);
            assertThat(consoleErrors).isEmpty();
        }
    }

    @Test
    void aFailingRunShowsCountsFailuresAndADeepLinkedPanelOnTheFirstScreen() throws Exception {
        Path chromium = Chromium.required();
        Path folder = Path.of("target", "html-report").toAbsolutePath();
        ReportWriter.Written written = SmallRun.write(folder, Optional.empty());
        long diverging = StreamSupport.stream(ReportWriter.read(written.json()).path("specs").spliterator(), false)
                .filter(s -> s.path("agreement").path("state").asText().equals("DIVERGE")).count();
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
            List<String> consoleErrors = PageErrors.collect(page);
            page.navigate(written.html().toUri() + "#chaining/by_name/faulty");

            assertThat(page.locator("#verdict")).containsText("✗ failing: 1 failing result");
            assertThat(page.locator("#counts tr[data-backend='faulty'] .bar span.st-FAIL")).isVisible();
            assertThat(page.locator("#counts tr[data-backend='faulty']")).containsText("FAIL");
            Locator failure = page.locator("#list-failures a[href='#chaining/by_name/faulty']");
            assertThat(failure).isVisible();
            Locator details = page.locator("#details");
            assertThat(details).isVisible();
            assertThat(details.locator("h2")).containsText("chaining/by_name [faulty]");
            for (Locator onFirstScreen : List.of(page.locator("#verdict"), page.locator("#counts"), failure, details.locator("h2"))) {
                assertThat(onFirstScreen.boundingBox().y + onFirstScreen.boundingBox().height).isLessThanOrEqualTo(768);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("failing-1366x768.png")));

            page.keyboard().press("Escape");
            assertThat(details).isHidden();
            assertThat(page.url()).doesNotContain("#");
            Locator cell = page.locator("td.cell[data-spec='io/echo_text'][data-backend='jvm-wavm']");
            cell.focus();
            page.keyboard().press("Enter");
            assertThat(details.locator("h2")).containsText("io/echo_text [jvm-wavm]");
            assertThat(page.url()).endsWith("#io/echo_text/jvm-wavm");
            page.locator("#details-close").click();
            assertThat(details).isHidden();

            page.locator("#filter-diverging").check();
            assertThat(page.locator("#matrix tbody tr")).hasCount((int) diverging);
            assertThat(page.locator("#matrix tbody td.agree")).containsText(new String[] {"diverge"});
            assertThat(consoleErrors).isEmpty();
        }
        assertThat(diverging).isPositive().isLessThan(SmallRun.SPECS.size());
    }
    @Test
    void aPitReportsSurvivorsAreListedWithTheirReasonsOrAsGaps(@TempDir Path pit) throws Exception {
        Path chromium = Chromium.required();
        Files.writeString(pit.resolve("index.html"), "<html></html>");
        Files.writeString(pit.resolve("mutations.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='false' status='SURVIVED'><mutatedClass>org.faasm.conformance.state.HostState</mutatedClass>
                <mutatedMethod>name</mutatedMethod><lineNumber>40</lineNumber><mutator>x.EmptyObjectReturnValsMutator</mutator>
                <description>replaced return value with ""</description></mutation>
                <mutation detected='false' status='SURVIVED'><mutatedClass>org.faasm.conformance.state.KeyLock</mutatedClass>
                <mutatedMethod>acquire</mutatedMethod><lineNumber>17</lineNumber><mutator>x.VoidMethodCallMutator</mutator>
                <description>removed call to wait</description></mutation>
                <mutation detected='true' status='KILLED'><mutatedClass>org.faasm.conformance.state.KeyLock</mutatedClass></mutation>
                </mutations>
                """);
        Path reasons = Files.writeString(pit.resolve("reasons.yaml"),
                "survivors:\n  - {class: org.faasm.conformance.state.HostState, method: name, reason: the name only labels messages}\n");
        Path folder = Path.of("target", "html-report-pit").toAbsolutePath();
        ReportWriter.Written written = SystemProperties.with(Map.of(PitSummary.FOLDER_PROPERTY, pit.toString(),
                PitSurvivorReasons.FILE_PROPERTY, reasons.toString()), () -> {
                    try {
                        return SmallRun.write(folder, Optional.empty());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        assertThat(new SchemaResource(JsonReport.SCHEMA).validate(ReportWriter.read(written.json()))).isEmpty();
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            Page page = browser.newPage();
            List<String> consoleErrors = PageErrors.collect(page);
            page.navigate(written.html().toUri().toString());

            assertThat(page.locator("#pit p")).containsText("33.3% of the 3 mutations the tests reach killed (3 in all, 1 survivors without a reason)");
            Locator rows = page.locator("#pit table.survivors tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(1)).containsText(new String[] {"HostState.name:40"});
            assertThat(rows.nth(1)).containsText("the name only labels messages");
            assertThat(rows.nth(2)).hasClass("gap");
            assertThat(rows.nth(2)).containsText("none given: a gap in the tests");
            assertThat(consoleErrors).isEmpty();
        }
    }
}
