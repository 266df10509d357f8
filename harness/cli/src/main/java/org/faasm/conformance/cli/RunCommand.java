package org.faasm.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.record.ObservingEverything;
import org.faasm.conformance.report.BaselineDiff;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.Choices;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.Shard;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoadError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code run}: the suite on the chosen backends, a line per verdict as it lands, then a summary;
 * writes report.json, index.html and summary.md. Exit code 1 when the run should fail a build.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Run conformance specs and write the reports.",
        footerHeading = "%nExamples:%n",
        footer = {"  run --spec 'chaining/*' --tag chain-ptr --backend jvm-wavm --out /tmp/results",
                "  run --backend faasm-wamr --record specs/recorded/faasm-wamr",
                "  run --tag state --list",
                "  run --spec io/echo_text --baseline reports/report.json"})
public final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    SpecOptions picked;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", description = "Backend to run on (repeatable; default: all registered).")
    List<String> backends = List.of();

    @Mixin
    OutputOptions output;

    @Option(names = "--baseline", paramLabel = "REPORT", description = "An earlier report.json: list regressions and fixes against it.")
    Path baseline;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the I-th of N parts of the selection, the same on every machine (default: all).")
    String shardText;

    @Option(names = "--allow-empty", description = "Accept a selection that matches no spec (otherwise an error).")
    boolean allowEmpty;

    @Option(names = "--list", description = "Print the selected specs and backends, and run nothing.")
    boolean list;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Keep what the one backend chosen did with each spec in DIR, for a recorded column to replay "
                    + "(e.g. --backend faasm-wamr --record specs/recorded/faasm-wamr); only its expectations' SKIP entries apply, "
                    + "to specs not named by --spec, and it is also given the specs needing what its Faasm VM does not do.")
    Path record;

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        Backends registry = CommandChecks.backends(command);
        Selection selection = new Selection(picked.specs, picked.tags, backends, shard());
        checkOptions(registry);
        ProjectLayout layout = output.layout();
        Path folder = output.folder(layout);
        CommandChecks.writableFolder(command, folder);
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        List<Spec> selected = selection.select(catalog.specs());
        if (selected.isEmpty() && !allowEmpty) {
            throw usage(Choices.noSpecSelected(selection, catalog, "--allow-empty"));
        }
        if (list) {
            selected.forEach(spec -> console.println(spec.id()));
            console.println(selected.size() + " specs on " + String.join(", ", selection.backendsOr(registry.names())));
            return 0;
        }
        // A recording keeps what the backend does with every spec it can be given, its expected failures too; a spec
        // its expectations skip (one that aborts a worker) runs only when named by --spec, alone on a fresh cluster.
        Expectations loaded = new ExpectationsLoader(registry.names()).load(layout.expectations());
        Expectations expectations = record != null ? loaded.onlySkips(java.util.Set.copyOf(picked.specs)) : loaded;
        List<SpecLoadError> loadErrors = new ArrayList<>(catalog.errors());
        loadErrors.addAll(expectations.errors());
        loadErrors.forEach(e -> console.println("LOAD-ERROR " + e));
        RunResult result;
        List<String> names = selection.backendsOr(registry.names());
        ProgressPrinter progress = new ProgressPrinter(console);
        progress.starting(names);
        try (BackendPool pool = record != null
                ? BackendPool.of(List.of(new ObservingEverything(registry.create(names.get(0), new BackendConfig(layout.wasm())))))
                : BackendPool.create(registry, new BackendConfig(layout.wasm()), names)) {
            progress.opened(pool, selected.size());
            result = new SuiteRun(Duration.ofMillis(output.timeoutMs), expectations)
                    .execute(selected, List.copyOf(loadErrors), pool, progress);
            if (record != null) {
                Recorder.record(result, pool.members().get(0).backend(), layout.wasm(), RunInfo.of(layout.root()),
                        command.commandLine().getParseResult().originalArgs(), record, console);
            }
        }
        Coverage coverage = Coverage.of(result, new ModuleImports(layout.wasm()));
        ReportWriter.Written written = ReportWriter.write(result, coverage, RunInfo.of(layout.root()), Optional.ofNullable(baseline),
                folder);
        printSummary(console, result, coverage, written);
        return result.failed() ? 1 : 0;
    }

    /** Options that would waste or spoil a run, refused before any backend starts. */
    private void checkOptions(Backends registry) {
        if (output.timeoutMs <= 0) {
            throw usage("--timeout must be a positive number of milliseconds, not " + output.timeoutMs);
        }
        CommandChecks.known(command, registry, backends);
        if (record != null && backends.size() != 1) {
            throw usage("--record keeps one backend's observations: name exactly one --backend, not " + backends.size());
        }
        if (baseline != null) {
            try {
                ReportWriter.readReport(baseline);
            } catch (IOException e) {
                throw usage("--baseline: " + e.getMessage());
            }
        }
    }

    private Shard shard() {
        try {
            return shardText == null ? Shard.WHOLE : Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            throw usage("--shard: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return CommandChecks.usage(command, message);
    }

    /** The summary {@code run} prints after a run (and {@code serve} after the browser's). */
    static void printSummary(PrintStream console, RunResult result, Coverage coverage, ReportWriter.Written written) {
        console.println();
        console.println("Verdicts per backend:");
        console.print(CountsTable.render(result));
        if (!result.loadErrors().isEmpty()) {
            console.println("Load errors: " + result.loadErrors().size());
        }
        long compared = result.outcomes().stream().filter(o -> o.agreement().state() != Agreement.State.NOT_COMPARED).count();
        List<SpecOutcome> diverging = result.outcomes().stream().filter(o -> o.agreement().state() == Agreement.State.DIVERGE).toList();
        console.println("Agreement: " + (compared == 0 ? "not compared (fewer than two backends observed any spec)"
                : (compared - diverging.size()) + " of " + compared + " compared specs agree"
                        + (diverging.isEmpty() ? "" : "; diverging: " + String.join(", ", diverging.stream().map(o -> o.spec().id()).toList()))));
        console.println("Host interface: " + coverage.imports().stream().filter(i -> !i.gap()).count() + "/" + coverage.imports().size()
                + " imports exercised by specs; " + coverage.gaps().size() + " gaps");
        written.baseline().ifPresent(diff -> printBaseline(console, diff));
        console.println("Reports: " + written.json() + ", " + written.html() + ", " + written.markdown());
    }

    private static void printBaseline(PrintStream console, BaselineDiff diff) {
        console.println("Against " + diff.baseline() + ": " + diff.regressions().size() + " regressions, "
                + diff.fixes().size() + " fixes, " + diff.changes().size() + " other changes"
                + (diff.onlyInBaseline() + diff.onlyInRun() == 0 ? ""
                        : "; not compared: " + diff.onlyInBaseline() + " only in the baseline, " + diff.onlyInRun() + " only in this run"));
        diff.regressions().forEach(c -> console.println("  REGRESSION " + c));
        diff.fixes().forEach(c -> console.println("  FIX        " + c));
        diff.changes().forEach(c -> console.println("  CHANGE     " + c));
    }
}
