package org.faasm.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Ratios, geomean, verdicts and the "unavailable" path, without timing anything real. */
class BenchReportTest {

    private static Measurement ms(double millis, int checksum) {
        return Measurement.ok(checksum, 10, 1, new long[] {(long) (millis * 1e6)}, null);
    }

    private static BenchRow row(String name, double v8, double compiler, int checksum) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        cells.put("native", Measurement.unavailable("C compiler 'cc' not found"));
        cells.put("v8", ms(v8, 7));
        cells.put("chicory-compiler", ms(compiler, checksum));
        return BenchRow.of(name, name, cells, KernelBench.RATIOS, KernelBench.TARGET);
    }

    private static BenchSection section(BenchRow... rows) {
        return BenchSection.of("kernels", "Compute kernels", "ms",
                List.of(Column.of(Engine.NATIVE), Column.of(Engine.V8), Column.of(Engine.CHICORY_COMPILER)),
                List.of(KernelBench.TARGET.ratio()), KernelBench.TARGET, List.of(rows));
    }

    @Test
    void geomeanAndVerdictFollowTheTarget() {
        BenchSection pass = section(row("a", 10, 11, 7), row("b", 10, 12, 7));
        assertThat(pass.summary().geomean().get("chicory-compiler/v8")).isCloseTo(Math.sqrt(1.1 * 1.2),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pass.summary().verdict()).isEqualTo(BenchRow.Verdict.PASS);

        // Each row within 1.5x but the geomean above 1.2x is still a miss.
        BenchSection geoMiss = section(row("a", 10, 14, 7), row("b", 10, 14, 7));
        assertThat(geoMiss.rows()).allMatch(r -> r.verdict() == BenchRow.Verdict.PASS);
        assertThat(geoMiss.summary().verdict()).isEqualTo(BenchRow.Verdict.MISS);
        assertThat(geoMiss.summary().misses()).singleElement().asString().startsWith("geomean 1.40x");
    }

    @Test
    void checksumMismatchIsFlaggedAndUnavailableCellsAreShown() {
        BenchSection s = section(row("a", 10, 20, 8));
        assertThat(s.checksumsAgree()).isFalse();
        assertThat(s.rows().get(0).verdict()).isEqualTo(BenchRow.Verdict.MISS);
        String table = TablePrinter.render(s);
        assertThat(table).contains("unavailable: C compiler 'cc' not found", "MISMATCH", "2.00x", "MISS");
    }

    @Test
    void missingToolsGiveUnavailableColumnsNotACrash(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bench.json");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = new CommandLine(new BenchCommand().withOutput(
                new PrintStream(table, true, StandardCharsets.UTF_8), quiet)).execute(
                "--quick", "--sections", "kernels", "--kernels", "fib", "--engines", "native,v8",
                "--cc", "/nonexistent/cc", "--node", "/nonexistent/node", "--out", out.toString());
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("schema").asText()).isEqualTo(BenchReport.SCHEMA);
        assertThat(json.get("sections")).hasSize(1);
        JsonNode cells = json.at("/sections/0/rows/0/cells");
        assertThat(cells.at("/native/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(cells.at("/v8/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(json.at("/sections/0/summary/verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(json.at("/sections/0/notes/0").asText()).isEqualTo(KernelBench.SCALAR_BUILD_NOTE);
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("unavailable: ", "note: " + KernelBench.SCALAR_BUILD_NOTE);
        assertThat(tmp.resolve(BenchPage.FILE)).content(StandardCharsets.UTF_8).contains("id=\"kernel-chart\"", "C compiler '/nonexistent/cc'").doesNotContain("__BENCH_JSON__");
    }

    @Test
    void thePageStaysSmallWhateverTheReportHolds() {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        cells.put("v8", Measurement.error("x".repeat(1 << 20)));
        cells.put("chicory-compiler", Measurement.ok(7, 10, 1, new long[200_000], null));
        BenchReport report = new BenchReport(BenchReport.SCHEMA, "now", "quick", Map.of(), List.of(
                section(BenchRow.of("</script><script>alert(1)</script>", "d", cells, KernelBench.RATIOS, KernelBench.TARGET))));
        String page = BenchPage.render(report);
        assertThat(page.length()).isLessThan(64 << 10);
        assertThat(page).contains("more characters").doesNotContain("samplesNs", "</script><script>alert");
    }
}
