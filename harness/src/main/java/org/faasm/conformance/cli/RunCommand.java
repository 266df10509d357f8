package org.faasm.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.report.JsonReport;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.FailureReport;
import org.faasm.conformance.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the suite on the chosen backends, a line per verdict, results written to a folder. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run conformance specs and write results.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-s", "--spec"}, paramLabel = "ID|GLOB", description = "Spec id or glob, e.g. 'chain/*' (repeatable; default: all).")
    List<String> specs = List.of();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only specs with this tag (repeatable).")
    List<String> tags = List.of();

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", description = "Backend to run on (repeatable; default: all registered).")
    List<String> backends = List.of();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write results (default: reports/ at the project root).")
    Path out;

    @Option(names = "--root", paramLabel = "DIR", description = "Project root holding specs/ and wasm/ (default: found from the working directory).")
    Path root;

    @Option(names = "--timeout", paramLabel = "MS", description = "Per-spec timeout when a spec sets none (default: ${DEFAULT-VALUE}).")
    long timeoutMs = SpecRunner.DEFAULT_TIMEOUT.toMillis();

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        ProjectLayout layout = root != null ? new ProjectLayout(root.toAbsolutePath().normalize()) : ProjectLayout.locate();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        catalog.errors().forEach(e -> console.println("LOAD-ERROR " + e));
        SuiteRun suite = new SuiteRun(new Backends(), new BackendConfig(layout.wasm()), Duration.ofMillis(timeoutMs));
        RunResult result = suite.execute(catalog, new Selection(specs, tags, backends), verdict -> print(console, verdict));
        Path written = JsonReport.write(result, out != null ? out : layout.reports());
        console.println();
        console.println("Summary: " + result.counts() + (catalog.errors().isEmpty() ? "" : ", " + catalog.errors().size() + " specs failed to load"));
        console.println("Results: " + written);
        return result.failed() ? 1 : 0;
    }

    private static void print(PrintStream console, Verdict verdict) {
        console.printf("%-11s %-48s %6.1f ms  %s%n", verdict.status(), verdict.specId() + " [" + verdict.backend() + "]",
                verdict.durationNanos() / 1e6, verdict.status().isFailure() ? verdict.message() : "");
        if (verdict.status().isFailure()) {
            console.print(FailureReport.render(verdict).indent(4));
        }
    }
}
