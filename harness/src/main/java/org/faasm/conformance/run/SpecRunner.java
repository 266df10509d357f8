package org.faasm.conformance.run;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.support.DaemonThreads;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.SpecComparator;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Runs one spec on one backend under a deadline and judges it. A backend that overruns is
 * interrupted and given a grace period to stop; the verdict is TIMEOUT either way and the run goes on.
 */
public final class SpecRunner implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String THREAD_PREFIX = "faasm-spec-";
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Duration defaultTimeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named(THREAD_PREFIX));

    public SpecRunner(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    public Verdict run(Spec spec, Backend backend) {
        Set<Capability> missing = missingCapabilities(spec, backend);
        if (!missing.isEmpty()) {
            return Verdict.of(spec.id(), backend.name(), Status.SKIP,
                    backend.name() + " lacks " + missing.stream().map(Capability::id).toList(), 0);
        }
        Duration timeout = spec.timeoutMs().map(Duration::ofMillis).orElse(defaultTimeout);
        long start = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(1);
        Future<Observation> running = workers.submit(() -> {
            try {
                return backend.run(spec);
            } finally {
                finished.countDown();
            }
        });
        try {
            Observation observation = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return judge(spec, backend, observation, System.nanoTime() - start);
        } catch (TimeoutException e) {
            running.cancel(true);
            String stopped = awaitStop(finished) ? "" : "; the backend did not stop within " + GRACE.toSeconds() + " s";
            return Verdict.of(spec.id(), backend.name(), Status.TIMEOUT,
                    "no result within " + timeout.toMillis() + " ms" + stopped, System.nanoTime() - start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // A backend that gave up waiting on its own deadline (e.g. a cluster that never answered).
            Status status = cause instanceof TimeoutException ? Status.TIMEOUT : Status.ERROR;
            return Verdict.of(spec.id(), backend.name(), status, describe(cause), System.nanoTime() - start);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return Verdict.of(spec.id(), backend.name(), Status.ERROR, "the harness was interrupted", System.nanoTime() - start);
        }
    }

    /** What the spec requires that the backend lacks; a spec with any is SKIP there. */
    public static Set<Capability> missingCapabilities(Spec spec, Backend backend) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        missing.addAll(spec.requires());
        missing.removeAll(backend.capabilities());
        return missing;
    }

    private static Verdict judge(Spec spec, Backend backend, Observation observation, long nanos) {
        boolean stdioUnseen = spec.expectsStdio() && !backend.capabilities().contains(Capability.CAPTURED_STDIO);
        Spec judged = stdioUnseen ? spec.withoutStdioExpectations() : spec;
        List<Mismatch> mismatches = SpecComparator.compare(judged.expect(), observation);
        Status status = mismatches.isEmpty() ? Status.PASS : Status.FAIL;
        String message = (mismatches.isEmpty() ? "as specified"
                : mismatches.size() + " mismatch" + (mismatches.size() == 1 ? "" : "es") + ": " + mismatches.get(0))
                + (stdioUnseen ? " (stdout/stderr not checked: " + backend.name() + " cannot observe them)" : "");
        return new Verdict(spec.id(), backend.name(), status, message, mismatches, Optional.of(observation), nanos);
    }

    /** Waits for a cancelled run to unwind, so no guest keeps running behind the next spec. */
    private static boolean awaitStop(CountDownLatch finished) {
        try {
            return finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
