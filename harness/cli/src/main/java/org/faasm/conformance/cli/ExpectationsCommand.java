package org.faasm.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.expectations.Entry;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsEdit;
import org.faasm.conformance.expectations.ExpectationsFile;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.expectations.ExpectationsRewrite;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.ResultStatus;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.support.AtomicFiles;
import org.faasm.conformance.verdict.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code expectations}: rewrites {@code specs/expectations/<backend>.yaml} from a run's report.json. */
@Command(name = "expectations", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Rewrite specs/expectations/<backend>.yaml from a run: keep reasons still needed, drop stale entries, "
                + "add new failures with reason '" + Entry.TODO + "'.")
public final class ExpectationsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = "--from", required = true, paramLabel = "REPORT", description = "The run's report.json.")
    Path from;

    @Option(names = "--root", paramLabel = "DIR", description = "Project root holding specs/ (default: found from the working directory).")
    Path root;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        JsonNode report;
        try {
            report = ReportWriter.readReport(from);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "--from: " + e.getMessage());
        }
        ProjectLayout layout = root != null ? new ProjectLayout(root.toAbsolutePath().normalize()) : ProjectLayout.locate();
        Expectations current = new ExpectationsLoader(new Backends().names()).load(layout.expectations());
        if (!current.errors().isEmpty()) {
            current.errors().forEach(e -> System.err.println("LOAD-ERROR " + e));
            System.err.println("fix the expectations files first; nothing was rewritten");
            return 2;
        }
        Set<String> catalog = SpecCatalog.load(layout.specs()).specs().stream().map(Spec::id).collect(Collectors.toSet());
        for (Map.Entry<String, Map<String, Status>> backend : observed(report).entrySet()) {
            String name = backend.getKey();
            Path file = layout.expectations().resolve(name + ".yaml");
            if (backend.getValue().values().stream().allMatch(status -> status == Status.UNAVAILABLE)) {
                console.println(file + ": left as it is (no backend judged by it ran)");
                continue;
            }
            List<Entry> entries = ExpectationsRewrite.rewrite(current.forBackend(name), backend.getValue(), catalog);
            if (entries.isEmpty() && !Files.exists(file)) {
                console.println(name + ": no expectations needed");
                continue;
            }
            String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            Optional<String> edited = before == null ? Optional.empty()
                    : ExpectationsEdit.apply(before, current.forBackend(name).entries(), entries);
            String after = edited.orElseGet(() -> ExpectationsFile.render(name, entries));
            if (after.equals(before)) {
                console.println(file + ": unchanged");
                continue;
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, after);
            long todo = entries.stream().filter(e -> e.reason().equals(Entry.TODO)).count();
            console.println(file + ": " + current.forBackend(name).entries().size() + " entries before, " + entries.size()
                    + " now" + (todo > 0 ? ", " + todo + " to triage (reason '" + Entry.TODO + "')" : "")
                    + (before != null && edited.isEmpty() ? "; written anew (its layout could not be edited in place)" : ""));
        }
        return 0;
    }

    /**
     * Per expectations file, each spec's status before expectations: that of the column the file is
     * named after where it ran, else that of a model judged by the same file (jvm-wavm for faasm-wavm).
     */
    private static Map<String, Map<String, Status>> observed(JsonNode report) {
        Map<String, String> files = new HashMap<>();
        report.path("backends").forEach(b -> files.put(b.path("name").asText(), b.path("expectations").asText(b.path("name").asText())));
        Map<String, Map<String, Status>> byFile = new TreeMap<>();
        report.path("results").forEach(r -> {
            String backend = r.path("backend").asText();
            String file = files.getOrDefault(backend, backend);
            String spec = r.path("spec").asText();
            Status status = ResultStatus.observed(r);
            Map<String, Status> statuses = byFile.computeIfAbsent(file, f -> new LinkedHashMap<>());
            Status earlier = statuses.get(spec);
            if (earlier == null || earlier == Status.UNAVAILABLE || (backend.equals(file) && status != Status.UNAVAILABLE)) {
                statuses.put(spec, status);
            }
        });
        return byFile;
    }
}
