package org.faasm.conformance.cli;

import java.nio.file.Path;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a command finds the project and writes its reports, and the per-spec timeout: shared by {@code run} and {@code mutants}. */
final class OutputOptions {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write the reports (default: reports/ at the project root).")
    Path out;

    @Mixin
    ProjectRoot project = new ProjectRoot();

    @Option(names = "--timeout", paramLabel = "MS", description = "Per-spec timeout when a spec sets none (default: ${DEFAULT-VALUE}).")
    long timeoutMs = SpecRunner.DEFAULT_TIMEOUT.toMillis();

    ProjectLayout layout() {
        return project.layout();
    }

    Path folder(ProjectLayout layout) {
        return out != null ? out : layout.reports();
    }
}
