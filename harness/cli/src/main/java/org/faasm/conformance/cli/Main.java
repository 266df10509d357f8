package org.faasm.conformance.cli;

import org.faasm.conformance.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faasm-conformance}: the command line. */
@Command(name = "faasm-conformance", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        description = "Conformance suite for the Faasm host interface.",
        subcommands = {RunCommand.class, ExpectationsCommand.class, BenchCommand.class, CertifyCommand.class, ReportCommand.class, MutantsCommand.class,
                ServeCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@link #main} runs it: usage errors as one line and exit code 2, help naming the choices. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        ChoicesHelp.addTo(commandLine.getSubcommands().get("run"));
        return commandLine;
    }
}
