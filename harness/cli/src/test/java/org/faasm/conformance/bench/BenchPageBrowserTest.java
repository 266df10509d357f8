package org.faasm.conformance.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.testing.Chromium;
import org.faasm.conformance.testing.PageErrors;
import org.junit.jupiter.api.Test;

/**
 * Opens the bench page written for a made-up report in Chromium and checks that the charts are drawn
 * from its numbers: a bar per kernel with its label, the target line between a kernel within it and
 * one over it, a strip per backend with a dot per spec and the budget line; names shown as text.
 * Leaves the page and a screenshot in harness/cli/target/bench-page/.
 */
class BenchPageBrowserTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Test
    void theChartsRenderTheReportsNumbers() throws Exception {
        Path chromium = Chromium.required();
        Path html = Path.of("target", "bench-page").toAbsolutePath().resolve(BenchPage.FILE);
        BenchPage.write(report(), html);
        try (Playwright playwright = BrowserLauncher.playwright(); Browser browser = BrowserLauncher.launch(playwright, chromium)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
            List<String> consoleErrors = PageErrors.collect(page);
            page.navigate(html.toUri().toString());

            Locator kernels = page.locator("svg#kernel-ratios g.kernel");
            assertThat(kernels).hasCount(4);
            assertThat(kernels.locator("text.label")).hasText(new String[] {"fib", "sha256", HOSTILE, "matmul"});
            assertThat(kernels.locator("rect.bar")).hasCount(3);
            assertThat(page.locator("g.kernel[data-kernel='sha256']")).hasAttribute("data-verdict", "MISS");
            assertThat(page.locator("g.kernel[data-kernel='sha256'] text.value")).hasText("1.80× MISS");
            assertThat(page.locator("g.kernel[data-kernel='matmul'] text.value.missing")).containsText("V8 (node) unavailable: node not found");
            Locator target = page.locator("svg#kernel-ratios line.target[data-value='1.5']");
            assertThat(target).hasCount(1);
            double targetX = Double.parseDouble(target.getAttribute("x1"));
            assertThat(barEnd(page, "fib")).isLessThan(targetX);
            assertThat(barEnd(page, "sha256")).isGreaterThan(targetX);
            assertThat(page.locator("svg#kernel-ratios g.geomean line.geomean-target")).hasAttribute("data-value", "1.2");

            Locator backends = page.locator("svg#per-spec g.backend");
            assertThat(backends).hasCount(2);
            assertThat(page.locator("g.backend[data-backend='jvm-wavm'] circle.spec")).hasCount(6);
            assertThat(page.locator("g.backend[data-backend='jvm-wavm'] circle.spec.slow")).hasCount(1);
            assertThat(page.locator("g.backend[data-backend='browser'] circle.spec")).hasCount(4);
            assertThat(page.locator("g.backend[data-backend='jvm-wavm'] line.budget")).hasAttribute("data-value", "5");
            assertThat(page.locator("g.backend[data-backend='jvm-wavm'] path.mean")).hasCount(1);

            assertThat(page.locator("#sections section.bench-section")).hasCount(3);
            assertThat(page.locator("#verdicts tr[data-section='kernels']")).containsText("MISS");
            assertThat(page.locator("img")).hasCount(0);
            BoundingBox chart = page.locator("svg#kernel-ratios").boundingBox();
            assertThat(chart.width).isGreaterThan(300);
            page.screenshot(new Page.ScreenshotOptions().setPath(html.resolveSibling("bench.png")).setFullPage(true));
            assertThat(consoleErrors).isEmpty();
        }
    }

    private static double barEnd(Page page, String kernel) {
        Locator bar = page.locator("g.kernel[data-kernel='" + kernel + "'] rect.bar");
        return Double.parseDouble(bar.getAttribute("x")) + Double.parseDouble(bar.getAttribute("width"));
    }

    static BenchReport report() {
        List<BenchRow> kernelRows = List.of(kernel("fib", 10, 11), kernel("sha256", 10, 18), kernel(HOSTILE, 10, 12),
                kernel("matmul", -1, 12));
        BenchSection kernels = BenchSection.of("kernels", "Compute kernels", "ms",
                List.of(Column.of(Engine.V8), Column.of(Engine.CHICORY_COMPILER)), List.of(KernelBench.TARGET.ratio()),
                KernelBench.TARGET, kernelRows);
        return new BenchReport(BenchReport.SCHEMA, "2026-11-29T12:00:00Z", "quick", Map.of("java", "17"),
                List.of(kernels, suite(SectionId.SUITE.id(), "jvm-wavm", SuiteOverheadBench.BUDGET, 0.4, 0.9, 1.5, 2.0, 3.1, 900),
                        suite(SectionId.BROWSER_SUITE.id(), "browser", BrowserBench.SUITE_BUDGET, 4, 6, 9, 30)));
    }

    /** @param v8 negative: V8 was not there */
    private static BenchRow kernel(String name, double v8, double compiler) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        cells.put("v8", v8 < 0 ? Measurement.unavailable("node not found") : millis(v8));
        cells.put("chicory-compiler", millis(compiler));
        return BenchRow.of(name, "n", cells, KernelBench.RATIOS, KernelBench.TARGET);
    }

    /** A suite section whose last spec runs a deliberately slow module when it takes 900 ms. */
    private static BenchSection suite(String id, String backend, Budget budget, double... perSpecMillis) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        SuiteOverheadBench.COLUMNS.forEach(c -> cells.put(c.id(), millis(1.7)));
        BenchRow row = new BenchRow(budget.judgedRow(), "every spec", cells, Map.of(), null, budget.judge(cells));
        List<SpecTimes.SpecTime> times = IntStream.range(0, perSpecMillis.length).mapToObj(i -> new SpecTimes.SpecTime(
                "area/spec_" + i, (long) (perSpecMillis[i] * 1e6), perSpecMillis[i] == 900)).toList();
        return BenchSection.withBudget(id, "Per-spec overhead, " + backend, "ms", "median over 3 passes",
                SuiteOverheadBench.COLUMNS, budget, List.of(row), List.of("made in a test")).withPerSpec(new SpecTimes(backend, times));
    }

    private static Measurement millis(double ms) {
        return Measurement.timed(null, 10, 1, new long[] {(long) (ms * 1e6)}, "median of 1", null);
    }
}
