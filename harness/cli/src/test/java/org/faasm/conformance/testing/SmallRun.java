package org.faasm.conformance.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.jvm.JvmBackendProviders;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;

/**
 * A real run of a few specs on four columns (jvm, the same jvm under another name, a host that drops
 * the last chained call, and one that cannot run here), written as reports: what the report tests read
 * and look at.
 */
public final class SmallRun {
    public static final int BACKENDS = 4;
    public static final List<String> SPECS = List.of("io/echo_text", "chaining/by_name", "chaining/fanout", "trap/unreachable", "state/read_given");

    private SmallRun() {}

    public static ReportWriter.Written write(Path folder, Optional<Path> baseline) throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        List<Backend> backends = List.of(jvm(layout), new RenamedBackend(jvm(layout), "jvm2"),
                new FaultyBackend(jvm(layout), "faulty", FaultyBackend.Fault.DROP_LAST_CHAINED_CALL),
                RenamedBackend.unavailable(jvm(layout), "away", "no Docker here"));
        RunResult run;
        try (BackendPool pool = BackendPool.of(backends)) {
            run = new SuiteRun(Duration.ofSeconds(5), Expectations.none()).execute(
                    new SpecSelector(SPECS, List.of()).select(catalog.specs()), List.of(), pool, (outcome, index, done, total) -> { });
        }
        return ReportWriter.write(run, Coverage.of(run, new ModuleImports(layout.wasm())), RunInfo.of(layout.root()), baseline, folder);
    }

    private static Backend jvm(ProjectLayout layout) {
        return new JvmBackendProviders.Wavm().create(new BackendConfig(layout.wasm()));
    }
}
