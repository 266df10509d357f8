package org.faasm.conformance.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.support.BoundedJsonMapper;
import org.faasm.conformance.support.DaemonThreads;

/**
 * One run of an adapter's command: the request written to its standard input, its standard output and
 * error read at once (a full pipe would stall it), each up to a bound. Interrupted, it kills the command
 * and everything it started, so nothing outlives the spec.
 */
final class AdapterProcess {
    /** An observation carries guest bytes in base64; this leaves room for the largest the harness carries. */
    static final int MAX_STDOUT = BoundedJsonMapper.MAX_STRING_CHARS + (1 << 20);
    /** What is kept of standard error for the report; the rest is counted and dropped. */
    static final int MAX_STDERR = 64 << 10;
    /** The lines of standard error shown with an observation. */
    static final int MAX_STDERR_LINES = 200;
    /** How long the command may take to go once killed, or to finish its output after exiting. */
    private static final long GRACE_SECONDS = 5;

    /** Three short-lived threads per run (input, output, error), ending with the command's pipes. */
    private static final ThreadFactory IO_THREADS = DaemonThreads.named("adapter-io-");
    private static final Executor IO = task -> IO_THREADS.newThread(task).start();

    private AdapterProcess() {}

    /** What the command did: its exit code, standard output (bounded) and standard error (its first bytes). */
    record Result(int exit, byte[] stdout, boolean stdoutTruncated, String stderr) {}

    /** Runs the command to its end, or kills it after {@code deadline} (a {@link TimeoutException}). */
    static Result run(List<String> command, Path folder, Map<String, String> environment, byte[] stdin, Duration deadline)
            throws IOException, InterruptedException, TimeoutException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(process.getOutputStream(), stdin),
                    IO);
            CompletableFuture<Bounded> stdout = read(process.getInputStream(), MAX_STDOUT);
            CompletableFuture<Bounded> stderr = read(process.getErrorStream(), MAX_STDERR);
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(String.join(" ", command) + " did not finish within " + deadline.toSeconds() + " s");
            }
            int exit = process.exitValue();
            Bounded out = finished(stdout);
            Bounded err = finished(stderr);
            writing.cancel(true);
            return new Result(exit, out.bytes(), out.truncated(),
                    new String(err.bytes(), StandardCharsets.UTF_8) + (err.truncated() ? "… (standard error cut at " + MAX_STDERR + " bytes)" : ""));
        } finally {
            kill(process);
        }
    }

    private static void write(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            // The command closed its input early; what it answers says why.
        }
    }

    private record Bounded(byte[] bytes, boolean truncated) {}

    private static CompletableFuture<Bounded> read(InputStream stream, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            boolean truncated = false;
            byte[] buffer = new byte[64 << 10];
            try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                    int room = limit - kept.size();
                    kept.write(buffer, 0, Math.min(room, n));
                    truncated |= n > room;
                }
            } catch (IOException e) {
                // The command was killed mid-write; what was read stands.
            }
            return new Bounded(kept.toByteArray(), truncated);
        }, IO);
    }

    private static Bounded finished(CompletableFuture<Bounded> reading) throws InterruptedException {
        try {
            // A child the command left behind may hold the pipe open: its output is cut there.
            return reading.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Bounded(new byte[0], true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the adapter's output failed", e.getCause());
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
    }
}
