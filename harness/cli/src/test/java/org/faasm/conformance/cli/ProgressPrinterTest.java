package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.jvm.JvmBackendProviders;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;
import org.faasm.conformance.testing.FaultyBackend;
import org.faasm.conformance.testing.RenamedBackend;
import org.junit.jupiter.api.Test;

/** What a person watching a run reads: backends once, verdicts, who disagrees on what, a table at the end. */
class ProgressPrinterTest {

    @Test
    void unavailableOncePerBackendDivergenceNamingSpecAndGroupsAndATableOfCounts() {
        ProjectLayout layout = ProjectLayout.locate();
        Backend away = RenamedBackend.unavailable(jvm(layout), "away", "no Docker here");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProgressPrinter progress = new ProgressPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8));
        RunResult result;
        progress.starting(List.of("jvm-wavm", "faulty", "away"));
        try (BackendPool pool = BackendPool.of(List.of(jvm(layout),
                new FaultyBackend(jvm(layout), "faulty", FaultyBackend.Fault.DROP_LAST_CHAINED_CALL), away))) {
            progress.opened(pool, 2);
            result = new SuiteRun(Duration.ofSeconds(10), Expectations.none()).execute(new SpecSelector(
                    List.of("io/echo_text", "chaining/by_name"), List.of()).select(SpecCatalog.load(layout.specs()).specs()), List.of(), pool, progress);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(output).startsWith("Starting jvm-wavm, faulty, away …")
                .contains("  away      UNAVAILABLE for all 2 specs: no Docker here")
                .contains("  jvm-wavm  ready")
                .contains("    chaining/by_name: backends disagree, jvm-wavm ≠ faulty; ");
        assertThat(output.split("UNAVAILABLE", -1)).hasSize(2);
        assertThat(output).doesNotContain("[away]");
        assertThat(CountsTable.render(result)).isEqualTo("""
                  backend          PASS         FAIL  UNAVAILABLE
                  jvm-wavm            2            0            0
                  faulty              1            1            0
                  away                0            0            2
                """);
    }

    private static Backend jvm(ProjectLayout layout) {
        return new JvmBackendProviders.Wavm().create(new BackendConfig(layout.wasm()));
    }
}
