package org.faasm.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.mutation.Instances;
import org.faasm.conformance.mutation.Mutant;
import org.faasm.conformance.mutation.MutantCatalogue;
import org.faasm.conformance.mutation.MutantResult;
import org.faasm.conformance.mutation.MutationJson;
import org.faasm.conformance.mutation.MutationRun;
import org.faasm.conformance.mutation.MutationScore;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.Choices;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.SuiteRun;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mutants}: the suite once as it is, then once per mutant of the catalogue per mutable backend
 * (only the specs whose modules import a call the mutant affects); prints and writes each backend's
 * score with every survivor named. Exit code 1 when a score is below {@code --threshold}.
 */
@Command(name = "mutants", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Seed each mutant of the catalogue (plausible host bugs) into the hosts and score how many the suite kills.",
        footerHeading = "%nExamples:%n",
        footer = {"  mutants --backend jvm-wavm",
                "  mutants --mutant 'write-state-*' --backend jvm-wavm --backend browser --out /tmp/mutants"})
public final class MutantsCommand implements Callable<Integer> {
    static final List<String> DEFAULT_BACKENDS = List.of("jvm-wavm", "browser");

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", description = "Backend whose host takes the mutants (repeatable; default: jvm-wavm and browser).")
    List<String> backends = List.of();

    @Option(names = {"-m", "--mutant"}, paramLabel = "ID|GLOB", description = "Only these mutants (repeatable; default: the whole catalogue).")
    List<String> mutants = List.of();

    @Option(names = {"-s", "--spec"}, paramLabel = "ID|GLOB", description = "Only these specs (repeatable; default: all).")
    List<String> specs = List.of();

    @Mixin
    OutputOptions output;

    @Option(names = "--mutant-deadline", paramLabel = "S", description = "The most one mutant's specs may take in all; past it the mutant is killed by timeout (default: ${DEFAULT-VALUE}).")
    long mutantDeadlineSeconds = 60;

    @Option(names = "--threshold", paramLabel = "PERCENT", description = "Fail (exit code 1) when a backend's score is below this (default: ${DEFAULT-VALUE}).")
    double threshold = 0;

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        Backends registry = CommandChecks.backends(command);
        List<String> names = backends.isEmpty() ? DEFAULT_BACKENDS : backends;
        checkOptions(registry, names);
        List<Mutant> catalogue = MutantCatalogue.load();
        List<Mutant> chosen = catalogue.stream().filter(m -> mutants.isEmpty() || mutants.stream().anyMatch(g -> glob(g).matcher(m.id()).matches())).toList();
        if (chosen.isEmpty()) {
            throw usage("--mutant matches no mutant of the catalogue (" + catalogue.size() + " mutants, e.g. " + catalogue.get(0).id() + ")");
        }
        ProjectLayout layout = output.layout();
        Path folder = output.folder(layout);
        CommandChecks.writableFolder(command, folder);
        SpecCatalog specCatalog = SpecCatalog.load(layout.specs());
        List<Spec> selected = new SpecSelector(specs, List.of()).select(specCatalog.specs());
        if (selected.isEmpty()) {
            throw usage(Choices.noSpecSelected(new Selection(specs, List.of(), names), specCatalog, "a wider --spec"));
        }
        Expectations expectations = new ExpectationsLoader(registry.names()).load(layout.expectations());
        Duration timeout = Duration.ofMillis(output.timeoutMs);
        ProgressPrinter progress = new ProgressPrinter(console);
        progress.starting(names);
        RunResult result;
        List<MutationScore> scores = new ArrayList<>();
        try (BackendPool pool = BackendPool.create(registry, new BackendConfig(layout.wasm()), names)) {
            progress.opened(pool, selected.size());
            result = new SuiteRun(timeout, expectations).execute(selected, List.copyOf(specCatalog.errors()), pool, progress);
            MutationRun mutation = new MutationRun(timeout, Duration.ofSeconds(mutantDeadlineSeconds), expectations, layout.wasm());
            for (BackendPool.Member member : pool.members()) {
                if (!MutationRun.mutable(member.backend())) {
                    console.println(member.backend().name() + ": takes no mutants here (not a mutable host, or unavailable)");
                    continue;
                }
                console.println();
                console.println("Mutants on " + member.backend().name() + ":");
                String name = member.backend().name();
                try (Instances instances = Instances.of(member.backend(), () -> registry.create(name, new BackendConfig(layout.wasm())))) {
                    console.println(instances.all().size() + " instances side by side");
                    scores.add(mutation.run(instances.all(), chosen, selected, (backend, r, done, total) ->
                            console.printf("[%d/%d] %-17s %s%s (%d specs, %d ms)%n", done, total, r.outcome(), r.mutant().id(),
                                    r.killedBy().map(s -> " by " + s).orElse(""), r.specsRun(), r.millis())));
                }
            }
        }
        ReportWriter.Written written = ReportWriter.write(result, Coverage.of(result, new ModuleImports(layout.wasm())), RunInfo.of(layout.root()),
                Optional.empty(), folder, report -> report.set("mutation", MutationJson.of(scores, chosen.size())));
        console.println();
        scores.forEach(score -> printScore(console, score));
        console.println("Reports: " + written.json() + ", " + written.html() + ", " + written.markdown());
        return scores.stream().anyMatch(s -> s.percent() < threshold) ? 1 : 0;
    }

    private static void printScore(PrintStream console, MutationScore score) {
        console.printf("%s: %d of %d mutants killed (%.1f%%) in %.1f s%n", score.backend(), score.killed(), score.results().size(),
                score.percent(), score.millis() / 1000.0);
        for (MutantResult survivor : score.survivors()) {
            console.println("  " + survivor.outcome() + " " + survivor.mutant().id() + ": "
                    + survivor.mutant().survives().orElse("no reason in the catalogue: a gap in the suite"));
        }
    }

    private void checkOptions(Backends registry, List<String> names) {
        if (output.timeoutMs <= 0 || mutantDeadlineSeconds <= 0) {
            throw usage("--timeout and --mutant-deadline must be positive");
        }
        CommandChecks.known(command, registry, names);
    }

    private static Pattern glob(String glob) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }

    private ParameterException usage(String message) {
        return CommandChecks.usage(command, message);
    }
}
