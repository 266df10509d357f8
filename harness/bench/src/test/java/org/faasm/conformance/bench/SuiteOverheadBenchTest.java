package org.faasm.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The suite section end to end on a small selection, in quick mode. No timing assertions. */
class SuiteOverheadBenchTest {

    @Test
    void quickSuiteSectionOnIoSpecs(@TempDir Path tmp) throws Exception {
        int selected = new SpecSelector(List.of("io/*"), List.of())
                .select(SpecCatalog.load(ProjectLayout.locate().specs()).specs()).size();
        assertThat(selected).as("io/* specs in specs/").isPositive();

        Path out = tmp.resolve("bench.json");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = new CommandLine(new BenchCommand().withOutput(
                new PrintStream(table, true, StandardCharsets.UTF_8), quiet)).execute(
                "--quick", "--sections", "suite", "--specs", "io/*", "--out", out.toString());
        assertThat(code).isZero();

        JsonNode sections = new ObjectMapper().readTree(out.toFile()).get("sections");
        assertThat(sections).hasSize(1);
        JsonNode suite = sections.get(0);
        assertThat(suite.get("id").asText()).isEqualTo("suite");
        assertThat(suite.at("/budget/maxMillis").asDouble()).isEqualTo(5.0);
        assertThat(suite.get("rows")).hasSize(3);
        for (JsonNode row : suite.get("rows")) {
            for (Column column : SuiteOverheadBench.COLUMNS) {
                JsonNode cell = row.at("/cells/" + column.id());
                assertThat(cell.get("status").asText()).as(row.get("name") + " " + column.id()).isEqualTo("OK");
                assertThat(cell.get("n").asInt()).isEqualTo(selected);
                assertThat(cell.get("medianNs").asLong()).as(row.get("name") + " " + column.id()).isPositive();
            }
        }
        assertThat(suite.at("/summary/verdict").asText()).isIn("PASS", "MISS");
        assertThat(suite.at("/perSpec/backend").asText()).isEqualTo("jvm-wavm");
        assertThat(suite.at("/perSpec/specs")).hasSize(selected)
                .allSatisfy(t -> assertThat(t.get("spec").asText()).startsWith("io/"))
                .allSatisfy(t -> assertThat(t.get("medianNs").asLong()).isPositive());
        assertThat(table.toString(StandardCharsets.UTF_8))
                .contains("Per-spec overhead over the suite", "excl. sleep/spin", "excludes nothing");
    }

    @Test
    void passStatsUseNearestRankP95() {
        long[] perSpec = new long[20];
        for (int i = 0; i < perSpec.length; i++) {
            perSpec[i] = (i + 1) * 1_000L;
        }
        PassStats s = PassStats.of(perSpec, 300_000);
        assertThat(s.total()).isEqualTo(300_000);
        assertThat(s.mean()).isEqualTo(10_500);
        assertThat(s.median()).isEqualTo(10_500);
        assertThat(s.p95()).isEqualTo(19_000);
        assertThat(s.max()).isEqualTo(20_000);
    }

    @Test
    void unknownSectionIsRejected() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new BenchCommand().withOutput(quiet, quiet));
        cli.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));
        assertThat(cli.execute("--sections", "nope")).isNotZero();
    }
}
