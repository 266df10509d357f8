package org.faasm.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.faasm.conformance.report.ReportMerge;
import org.faasm.conformance.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code report}: what can be done with reports already written. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Work with written reports.", subcommands = ReportCommand.Merge.class)
public final class ReportCommand {

    /** {@code report merge}: the shards' report.json files of one run joined into its report. */
    @Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
            description = "Join the report.json of each shard of a run (run --shard i/n) into one report.",
            footerHeading = "%nExample:%n", footer = "  report merge shard1/report.json shard2/report.json --out reports/")
    static final class Merge implements Callable<Integer> {
        @picocli.CommandLine.Spec
        CommandSpec command;

        @Parameters(arity = "1..*", paramLabel = "REPORT", description = "The shards' report.json files.")
        List<Path> reports;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
                description = "Where to write the merged report.json, index.html and summary.md.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<JsonNode> shards = new ArrayList<>();
            for (Path report : reports) {
                try {
                    shards.add(ReportWriter.readReport(report));
                } catch (IOException e) {
                    throw usage(e.getMessage());
                }
            }
            ObjectNode merged;
            try {
                merged = ReportMerge.merge(shards);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            ReportWriter.Written written = ReportWriter.write(merged, out);
            System.out.println("Merged " + reports.size() + " reports: " + merged.path("specs").size() + " specs, "
                    + merged.path("results").size() + " verdicts; " + written.json() + ", " + written.html() + ", " + written.markdown());
            return 0;
        }

        private ParameterException usage(String message) {
            return CommandChecks.usage(command, message);
        }
    }
}
