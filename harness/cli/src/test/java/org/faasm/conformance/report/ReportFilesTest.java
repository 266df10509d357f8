package org.faasm.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.testing.SmallRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three report files of a real run: the JSON against its schema, the page self-contained, the summary short. */
class ReportFilesTest {

    @Test
    void aRealRunsReportMatchesTheSchemaAndCarriesAgreementAndCoverage(@TempDir Path folder) throws Exception {
        ReportWriter.Written written = SmallRun.write(folder, Optional.empty());
        JsonNode report = ReportWriter.read(written.json());

        assertThat(new SchemaResource(JsonReport.SCHEMA).validate(report)).isEmpty();
        assertThat(report.path("run").path("specRevision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(report.path("results")).hasSize(SmallRun.SPECS.size() * SmallRun.BACKENDS);
        JsonNode byName = spec(report, "chaining/by_name");
        assertThat(byName.path("agreement").path("state").asText()).isEqualTo("DIVERGE");
        assertThat(byName.path("agreement").path("groups").toString()).isEqualTo("[[\"jvm-wavm\",\"jvm2\"],[\"faulty\"]]");
        JsonNode pair = byName.path("agreement").path("pairs").get(1);
        assertThat(pair.path("firstDivergentCall").path("left").path("call").asText()).isEqualTo("__faasm_chain_name");
        assertThat(byName.path("imports").path("called").toString()).contains("__faasm_chain_name", "__faasm_await_call");
        assertThat(spec(report, "io/echo_text").path("agreement").path("state").asText()).isEqualTo("AGREE");
        assertThat(report.path("coverage").path("gaps").toString()).contains("__faasm_s3_list_buckets")
                .doesNotContain("__faasm_read_input");
    }

    @Test
    void theSummaryIsShortAndThePageNeedsNoNetwork(@TempDir Path folder) throws Exception {
        ReportWriter.Written written = SmallRun.write(folder, Optional.empty());
        String summary = Files.readString(written.markdown());
        assertThat(summary).contains("❌ failing", "| faulty |", "`chaining/by_name` [faulty] FAIL", "Agreement:", "Host interface:",
                "Not a ranking");
        assertThat(summary.lines().count()).isLessThan(40);
        String page = Files.readString(written.html());
        assertThat(page).doesNotContain("<script src", "<link rel=\"stylesheet\"", "@import", "__REPORT_JSON__").contains("not a ranking");
    }

    @Test
    void aBaselineListsRegressionsAndFixes(@TempDir Path folder) throws Exception {
        ReportWriter.Written first = SmallRun.write(folder.resolve("first"), Optional.empty());
        ObjectNode earlier = (ObjectNode) ReportWriter.read(first.json());
        for (JsonNode result : earlier.path("results")) {
            String key = result.path("spec").asText() + " " + result.path("backend").asText();
            if (key.equals("io/echo_text jvm-wavm")) {
                ((ObjectNode) result).put("status", "FAIL");
            } else if (key.equals("chaining/by_name faulty")) {
                ((ObjectNode) result).put("status", "PASS");
            }
        }
        Path baseline = folder.resolve("baseline.json");
        JsonReport.JSON.writeValue(baseline.toFile(), earlier);

        ReportWriter.Written second = SmallRun.write(folder.resolve("second"), Optional.of(baseline));

        BaselineDiff diff = second.baseline().orElseThrow();
        assertThat(diff.regressions()).extracting(BaselineDiff.Change::toString).containsExactly("chaining/by_name [faulty]: PASS → FAIL");
        assertThat(diff.fixes()).extracting(BaselineDiff.Change::toString).containsExactly("io/echo_text [jvm-wavm]: FAIL → PASS");
        JsonNode report = ReportWriter.read(second.json());
        assertThat(new SchemaResource(JsonReport.SCHEMA).validate(report)).isEmpty();
        assertThat(report.path("baseline").path("regressions")).hasSize(1);
        assertThat(Files.readString(second.markdown())).contains("1 regression(s), 1 fix(es)", "regressed `chaining/by_name` [faulty] PASS → FAIL");
    }

    private static JsonNode spec(JsonNode report, String id) {
        for (JsonNode spec : report.path("specs")) {
            if (spec.path("id").asText().equals(id)) {
                return spec;
            }
        }
        throw new AssertionError("no spec " + id);
    }
}
