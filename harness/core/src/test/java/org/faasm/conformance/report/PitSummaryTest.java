package org.faasm.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faasm.conformance.run.ProjectLayout;
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
    void eachSurvivorIsListedWithTheReasonTheProjectGivesOrAsAGap() throws IOException {
        pitReport("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='4'><sourceFile>HostState.java</sourceFile>
                <mutatedClass>org.faasm.conformance.state.HostState</mutatedClass><mutatedMethod>name</mutatedMethod>
                <methodDescription>()Ljava/lang/String;</methodDescription><lineNumber>40</lineNumber>
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.returns.EmptyObjectReturnValsMutator</mutator>
                <indexes><index>5</index></indexes><blocks><block>0</block></blocks><killingTest/>
                <description>replaced return value with "" for org/faasm/conformance/state/HostState::name</description></mutation>
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><sourceFile>KeyLock.java</sourceFile>
                <mutatedClass>org.faasm.conformance.state.KeyLock</mutatedClass><mutatedMethod>acquire</mutatedMethod>
                <lineNumber>17</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.VoidMethodCallMutator</mutator>
                <description>removed call to wait</description></mutation>
                <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>KeyLock.java</sourceFile>
                <mutatedClass>org.faasm.conformance.state.KeyLock</mutatedClass><mutatedMethod>release</mutatedMethod></mutation>
                </mutations>
                """);
        Path reasons = Files.writeString(target.resolve("pit-survivors.yaml"), """
                survivors:
                  - class: org.faasm.conformance.state.HostState
                    method: name
                    mutator: EmptyObjectReturnValsMutator
                    reason: the name only labels messages
                  - class: org.faasm.conformance.state.KeyLock
                    method: acquire
                    mutator: ConditionalsBoundaryMutator
                    reason: another mutator's survivor, not this one
                """);
        System.setProperty(PitSurvivorReasons.FILE_PROPERTY, reasons.toString());
        try {
            ObjectNode pit = PitSummary.beside(target.resolve("conformance-reports")).orElseThrow();

            assertThat(pit.path("survivors")).hasSize(2);
            assertThat(pit.path("survivors").get(0).path("reason").asText()).isEqualTo("the name only labels messages");
            assertThat(pit.path("survivors").get(0).path("line").asInt()).isEqualTo(40);
            assertThat(pit.path("survivors").get(1).path("mutator").asText()).isEqualTo("VoidMethodCallMutator");
            assertThat(pit.path("survivors").get(1).has("reason")).isFalse();
            assertThat(pit.path("unexplained").asInt()).isEqualTo(1);
            ObjectNode report = (ObjectNode) JsonReport.JSON.readTree("{\"results\": []}");
            report.set("pit", pit);
            assertThat(MarkdownSummary.render(report))
                    .contains("- survivor `HostState.name:40` (replaced return value with \"\" for org/faasm/conformance/state/HostState::name): "
                            + "the name only labels messages")
                    .contains("- survivor `KeyLock.acquire:17` (removed call to wait): no reason given: a gap in the tests");
        } finally {
            System.clearProperty(PitSurvivorReasons.FILE_PROPERTY);
        }
    }

    @Test
    void aReasonWithoutItsClassIsAnErrorNamingTheFile() throws IOException {
        Path reasons = Files.writeString(target.resolve("pit-survivors.yaml"), "survivors:\n  - method: name\n    reason: why\n");

        assertThatThrownBy(() -> PitSurvivorReasons.read(reasons))
                .isInstanceOf(IOException.class).hasMessageContaining("pit-survivors.yaml, survivor 1: `class` must be a non-empty string");
    }

    @Test
    void theProjectsOwnReasonsReadAndExplainTheirSurvivors() throws IOException {
        PitSurvivorReasons reasons = PitSurvivorReasons.read(ProjectLayout.locate().root().resolve(PitSurvivorReasons.FILE));

        assertThat(reasons.reasonFor(new PitSurvivor("org.faasm.conformance.state.HostState", "name", 40,
                "EmptyObjectReturnValsMutator", "replaced return value with \"\""))).get().asString().contains("labels");
        assertThat(reasons.reasonFor(new PitSurvivor("org.faasm.conformance.state.HostState", "read", 40,
                "EmptyObjectReturnValsMutator", ""))).isEmpty();
    }

    @Test
    void aReasonWithADuplicatedKeyIsAnErrorNamingTheFile() throws IOException {
        Path reasons = Files.writeString(target.resolve("pit-survivors.yaml"),
                "survivors:\n  - class: a.B\n    method: m\n    reason: one\n    reason: two\n");

        assertThatThrownBy(() -> PitSurvivorReasons.read(reasons))
                .isInstanceOf(IOException.class).hasMessageContaining("pit-survivors.yaml is not a list of PIT survivors' reasons")
                .hasMessageContaining("reason");
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
