package org.faasm.conformance.cli;

import org.faasm.conformance.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faasm-conformance}: the command line. */
@Command(name = "faasm-conformance", mixinStandardHelpOptions = true,
        description = "Conformance suite for the Faasm host interface.",
        subcommands = {RunCommand.class, ExpectationsCommand.class, BenchCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
