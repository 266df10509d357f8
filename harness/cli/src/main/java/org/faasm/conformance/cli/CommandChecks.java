package org.faasm.conformance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.faasm.conformance.backend.Backends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks several commands make before anything runs, each failing as a one-line usage error (exit code 2). */
final class CommandChecks {
    private CommandChecks() {}

    /** The backends, configured ones included; a mistake in their configuration is a usage error naming it. */
    static Backends backends(CommandSpec command) {
        try {
            return new Backends();
        } catch (IllegalArgumentException e) {
            throw usage(command, e.getMessage());
        }
    }

    /** Every name is a backend of the registry, else a usage error naming the known ones. */
    static void known(CommandSpec command, Backends registry, Collection<String> names) {
        for (String name : names) {
            if (!registry.names().contains(name)) {
                throw usage(command, "unknown backend '" + name + "'; known: " + String.join(", ", registry.names()));
            }
        }
    }

    /** The folder reports go to, made now, so an unwritable one is refused before the run rather than after it. */
    static Path writableFolder(CommandSpec command, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw usage(command, "cannot write the reports to " + folder + ": " + (e.getMessage() == null ? e : e.getMessage()));
        }
        if (!Files.isWritable(folder)) {
            throw usage(command, "cannot write the reports to " + folder + ": not writable");
        }
        return folder;
    }

    static ParameterException usage(CommandSpec command, String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
