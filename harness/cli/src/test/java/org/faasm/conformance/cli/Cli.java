package org.faasm.conformance.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM as {@code Main} would, capturing what it prints. */
final class Cli {
    record Result(int exit, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            // Before the command line is made: picocli takes its writers from System.out and System.err.
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.commandLine().execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
