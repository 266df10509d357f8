package org.faasm.conformance.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A usage error as one line naming the command, exit code 2 (1 means "specs failed"): the message
 * already names the valid choices, so the full usage text would only bury it.
 */
final class UsageErrors implements IParameterExceptionHandler {
    static final int EXIT_CODE = CommandLine.ExitCode.USAGE;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return EXIT_CODE;
    }
}
