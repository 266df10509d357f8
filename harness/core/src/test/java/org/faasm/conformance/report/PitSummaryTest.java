package org.faasm.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance report links the PIT report beside it, with its score over the mutations the tests reach. */
class PitSummaryTest {
    @TempDir
    Path target;

    @Test
    void aPitReportBesideTheReportIsLinkedWithItsCounts() throws IOException {
        pitReport("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='true' status='KILLED' numberOfTestsRun='3'><sourceFile>HostState.java</sourceFile></mutation>
                <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>HostState.java</sourceFile></mutation>
                <mutation detected='true' status='TIMED_OUT' numberOfTestsRun='1'><sourceFile>KeyLock.java</sourceFile></mutation>
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='9'><sourceFile>KeyLock.java</sourceFile></mutation>
                <mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><sourceFile>KeyLock.java</sourceFile></mutation>
                </mutations>
                """);

        ObjectNode pit = PitSummary.beside(target.resolve("conformance-reports")).orElseThrow();

        assertThat(pit.path("report").asText()).isEqualTo("../pit-reports/index.html");
        assertThat(pit.path("mutations").asInt()).isEqualTo(5);
        assertThat(pit.path("reached").asInt()).isEqualTo(4);
        assertThat(pit.path("killed").asInt()).isEqualTo(3);
        assertThat(pit.path("score").asDouble()).isEqualTo(75.0);
        assertThat(pit.path("statuses").path("TIMED_OUT").asInt()).isEqualTo(1);
        ObjectNode report = (ObjectNode) JsonReport.JSON.readTree("{\"results\": []}");
        report.set("pit", pit);
        assertThat(MarkdownSummary.render(report)).contains("**PIT** (host classes mutated): 75.0% of the 4 mutations the tests reach killed"
                + " (5 in all): [PIT report](../pit-reports/index.html)");
    }

    @Test
    void noPitReportNoLink() throws IOException {
        assertThat(PitSummary.beside(target.resolve("conformance-reports"))).isEmpty();
    }

    @Test
    void aBrokenMutationsFileIsAnErrorNamingIt() throws IOException {
        pitReport("<mutations><mutation status='KILLED'>");

        assertThatThrownBy(() -> PitSummary.beside(target.resolve("conformance-reports")))
                .isInstanceOf(IOException.class).hasMessageContaining("mutations.xml is not PIT's mutations.xml");
    }

    private void pitReport(String mutationsXml) throws IOException {
        Path pit = Files.createDirectories(target.resolve("pit-reports"));
        Files.writeString(pit.resolve("index.html"), "<html></html>");
        Files.writeString(pit.resolve("mutations.xml"), mutationsXml);
    }
}
