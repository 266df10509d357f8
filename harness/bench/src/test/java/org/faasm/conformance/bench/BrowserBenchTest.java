package org.faasm.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.faasm.conformance.browser.BrowserProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The browser rows end to end in quick mode, against real Chromium and the embedded cluster. No timing assertions. */
class BrowserBenchTest {

    @Test
    void quickBrowserSections(@TempDir Path tmp) throws Exception {
        assumeTrue(BrowserProbe.unavailable().isEmpty(), () -> BrowserProbe.unavailable().orElse(""));
        Path out = tmp.resolve("bench.json");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = new CommandLine(new BenchCommand().withOutput(new PrintStream(table, true, StandardCharsets.UTF_8), quiet))
                .execute("--quick", "--sections", "browser-suite,browser-chain,browser-state", "--specs", "io/echo_text",
                        "--out", out.toString());
        assertThat(code).isZero();

        JsonNode sections = new ObjectMapper().readTree(out.toFile()).get("sections");
        assertThat(sections).extracting(s -> s.get("id").asText()).containsExactly("browser-suite", "browser-chain", "browser-state");
        assertThat(sections.get(0).at("/budget/maxMillis").asDouble()).isEqualTo(40.0);
        for (JsonNode section : sections) {
            for (JsonNode row : section.get("rows")) {
                row.get("cells").forEach(cell -> assertThat(cell.get("status").asText()).as(section.get("id") + " " + row.get("name")).isEqualTo("OK"));
            }
            assertThat(section.at("/summary/verdict").asText()).isIn("PASS", "MISS");
        }
        assertThat(sections.get(1).get("rows")).extracting(r -> r.get("name").asText())
                .containsExactly(BrowserBench.JSPI_ROW, "JSPI, plain fetch", "synchronous XHR bridge");
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("Chain + await round trip", "push + pull 1 MiB", "browser backend");
    }
}
