package org.faasm.conformance.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.report.JsonReport;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real mutants run's score in the three report files: the JSON against its schema, the survivor named in the summary and on the page. */
class MutationReportTest {
    @Test
    void theScoreAndEverySurvivorReachTheReports(@TempDir Path folder) throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        List<Spec> specs = new SpecSelector(List.of("io/echo_text", "state/push_pull", "chaining/by_name"), List.of())
                .select(SpecCatalog.load(layout.specs()).specs());
        List<Mutant> mutants = MutantCatalogue.load().stream()
                .filter(m -> List.of("write-output-ignored", "push-twice", "conf-flag-always-one").contains(m.id())).toList();
        MutationScore score;
        RunResult run;
        try (Backend jvm = new Backends().create("jvm-wavm", new BackendConfig(layout.wasm()));
                BackendPool pool = BackendPool.of(List.of(jvm))) {
            run = new SuiteRun(Duration.ofSeconds(5), Expectations.none()).execute(specs, List.of(), pool, (o, i, d, t) -> { });
            score = new MutationRun(Duration.ofSeconds(5), Duration.ofSeconds(30), Expectations.none(), layout.wasm())
                    .run(List.of(jvm), mutants, specs, (b, r, d, t) -> { });
        }
        assertThat(score.results()).extracting(r -> r.mutant().id() + " " + r.outcome()).containsExactlyInAnyOrder(
                "write-output-ignored KILLED", "push-twice SURVIVED", "conf-flag-always-one NOT_COVERED");
        ReportWriter.Written written = ReportWriter.write(run, Coverage.of(run, new ModuleImports(layout.wasm())), RunInfo.of(layout.root()),
                Optional.empty(), folder, report -> report.set("mutation", MutationJson.of(List.of(score), mutants.size())));

        JsonNode report = ReportWriter.read(written.json());
        assertThat(new SchemaResource(JsonReport.SCHEMA).validate(report)).isEmpty();
        JsonNode jvm = report.path("mutation").path("backends").get(0);
        assertThat(jvm.path("equivalent").asInt()).isEqualTo(1);
        assertThat(jvm.path("score").asDouble()).isEqualTo(50.0);
        String summary = Files.readString(written.markdown(), StandardCharsets.UTF_8);
        assertThat(summary).contains("**Mutation score** on jvm-wavm: 50.0% (1 of 3 mutants killed, 1 equivalent)")
                .contains("- survivor `push-twice`: equivalent: pushFull clears isDirty")
                .contains("- survivor `conf-flag-always-one`: no reason given: a gap in the suite");
        assertThat(Files.readString(written.html(), StandardCharsets.UTF_8)).contains("\"killedBy\":\"io/echo_text\"").contains("function mutation()");
    }
}
