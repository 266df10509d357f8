package org.faasm.conformance.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (clang, node, a native kernel) and captures its output. */
final class Processes {

    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** The most useful one-line explanation of a failure. */
        String failureSummary() {
            String text = stderr.isBlank() ? stdout : stderr;
            String firstLine = text.strip().lines().findFirst().orElse("");
            return "exit " + exitCode + (firstLine.isEmpty() ? "" : ": " + firstLine);
        }
    }

    private Processes() {
    }

    /** Runs the command; IOException means the program could not be started (e.g. not installed). */
    static Result run(List<String> command, Path workDir, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " timed out after " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    /** First line of {@code <tool> --version}, or null when the tool cannot be run. */
    static String version(String tool) {
        try {
            Result r = run(List.of(tool, "--version"), null, Duration.ofSeconds(20));
            return r.succeeded() ? r.stdout.strip().lines().findFirst().orElse(tool) : null;
        } catch (IOException e) {
            return null;
        }
    }

    // Read both pipes concurrently so a chatty tool cannot block on a full pipe.
    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
