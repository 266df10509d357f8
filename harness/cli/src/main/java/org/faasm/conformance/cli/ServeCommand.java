package org.faasm.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.browser.SuiteServer;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.Choices;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.Shard;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoadError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the suite in any browser. Starts the page server and an embedded cluster on
 * 127.0.0.1 and prints a URL; the first browser to open it runs the selected specs, as a column named
 * after it, and the reports are written as {@code run} writes them. Ends once the browser is done,
 * or when the deadline passes (the specs left are then errors naming it).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Serve the suite on 127.0.0.1 to the browser that opens the printed URL, and write the reports.",
        footerHeading = "%nExamples:%n",
        footer = {"  serve --spec 'chaining/*' --spec 'state/*' --deadline 300"})
public final class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    SpecOptions picked;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "How long a browser has to open the page and finish the suite (default: ${DEFAULT-VALUE}).")
    long deadlineSeconds = 900;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        if (deadlineSeconds <= 0 || output.timeoutMs <= 0) {
            throw CommandChecks.usage(command, "--deadline and --timeout must be positive, not " + deadlineSeconds + " s and "
                    + output.timeoutMs + " ms");
        }
        Backends registry = CommandChecks.backends(command);
        ProjectLayout layout = output.layout();
        Path folder = CommandChecks.writableFolder(command, output.folder(layout));
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        Selection selection = new Selection(picked.specs, picked.tags, List.of(), Shard.WHOLE);
        List<Spec> selected = selection.select(catalog.specs());
        if (selected.isEmpty()) {
            throw CommandChecks.usage(command, Choices.noSpecSelected(selection, catalog, "a wider --spec or --tag"));
        }
        Expectations expectations = new ExpectationsLoader(registry.names()).load(layout.expectations());
        List<SpecLoadError> loadErrors = new ArrayList<>(catalog.errors());
        loadErrors.addAll(expectations.errors());
        loadErrors.forEach(e -> console.println("LOAD-ERROR " + e));
        Instant deadline = Instant.now().plusSeconds(deadlineSeconds);
        RunResult result;
        try (SuiteServer server = SuiteServer.start(layout.wasm(), deadline)) {
            console.println("Open " + server.url() + " in a browser (this machine only) to run " + selected.size()
                    + " specs there; deadline " + deadline + " (" + deadlineSeconds + " s, --deadline).");
            console.flush();
            Optional<Backend> browser = server.awaitBrowser();
            if (browser.isEmpty()) {
                console.println("No browser opened " + server.url() + " within " + deadlineSeconds + " s: nothing ran, no report written.");
                return 1;
            }
            ProgressPrinter progress = new ProgressPrinter(console);
            progress.starting(List.of(browser.get().name()));
            try (BackendPool pool = BackendPool.of(List.of(browser.get()))) {
                progress.opened(pool, selected.size());
                result = new SuiteRun(Duration.ofMillis(output.timeoutMs), expectations)
                        .execute(selected, List.copyOf(loadErrors), pool, progress);
                server.end("Results written to " + folder + "; you may close this page.");
            }
        }
        if (Instant.now().isAfter(deadline)) {
            console.println("The deadline (" + deadline + ") passed before the browser finished: the specs left are errors naming it.");
        }
        Coverage coverage = Coverage.of(result, new ModuleImports(layout.wasm()));
        ReportWriter.Written written = ReportWriter.write(result, coverage, RunInfo.of(layout.root()), Optional.empty(), folder);
        RunCommand.printSummary(console, result, coverage, written);
        return result.failed() ? 1 : 0;
    }
}
