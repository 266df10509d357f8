package org.faasm.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.NoObservation;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Capability;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.support.DaemonThreads;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.SpecComparator;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Runs one spec on one backend under a deadline and judges it. The backend first gets ready (starts
 * what it runs on, loads the modules) under a deadline of its own, so the spec's clock measures the
 * run alone. A backend that overruns is interrupted and given a grace period to stop; the verdict is
 * TIMEOUT (or ERROR, when it was still getting ready) and the run goes on.
 */
public final class SpecRunner implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Starting Chromium or a cluster and compiling modules: seconds on a loaded machine, never minutes. */
    public static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(120);
    static final String THREAD_PREFIX = "faasm-spec-";
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Duration defaultTimeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named(THREAD_PREFIX));
    /** The project's modules, read when a backend that lists its calls first needs them. */
    private ModuleImports moduleImports;

    public SpecRunner(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * The longest {@link #run} can take: getting ready, the spec's own deadline, and a grace period
     * after each, so a caller waiting on it from another thread has a deadline of its own.
     */
    public Duration longestRun(Spec spec) {
        return longestRun(spec, defaultTimeout);
    }

    /** {@link #longestRun(Spec)} of a runner with this default timeout. */
    public static Duration longestRun(Spec spec, Duration defaultTimeout) {
        return PREPARE_TIMEOUT.plus(timeoutOf(spec, defaultTimeout)).plus(GRACE.multipliedBy(2));
    }

    private static Duration timeoutOf(Spec spec, Duration defaultTimeout) {
        return spec.timeoutMs().map(Duration::ofMillis).orElse(defaultTimeout);
    }

    public Verdict run(Spec spec, Backend backend) {
        Optional<String> lacks = lacks(spec, backend);
        if (lacks.isPresent()) {
            return Verdict.of(spec.id(), backend.name(), Status.SKIP, backend.name() + " lacks " + lacks.get(), 0);
        }
        RunRequest request = RunRequest.of(spec, backend.vm());
        long preparing = System.nanoTime();
        try {
            within(PREPARE_TIMEOUT, () -> {
                backend.prepare(request);
                return null;
            });
        } catch (Overrun e) {
            return Verdict.of(spec.id(), backend.name(), Status.ERROR, backend.name() + " was not ready to run it within "
                    + PREPARE_TIMEOUT.toSeconds() + " s" + e.stoppedNote(), System.nanoTime() - preparing);
        } catch (ExecutionException e) {
            return Verdict.of(spec.id(), backend.name(), Status.ERROR, describe(e.getCause()), System.nanoTime() - preparing);
        } catch (InterruptedException e) {
            return interrupted(spec, backend, preparing);
        }
        Duration timeout = timeoutOf(spec, defaultTimeout);
        long start = System.nanoTime();
        try {
            Observation observation = within(timeout, () -> backend.run(request));
            return judge(spec, backend, observation, System.nanoTime() - start);
        } catch (Overrun e) {
            return Verdict.of(spec.id(), backend.name(), Status.TIMEOUT,
                    "no result within " + timeout.toMillis() + " ms" + e.stoppedNote(), System.nanoTime() - start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NoObservation none) {
                return Verdict.of(spec.id(), backend.name(), none.status(), none.getMessage(), System.nanoTime() - start);
            }
            // A backend that gave up waiting on its own deadline (e.g. a cluster that never answered).
            Status status = cause instanceof TimeoutException ? Status.TIMEOUT : Status.ERROR;
            return Verdict.of(spec.id(), backend.name(), status, describe(cause), System.nanoTime() - start);
        } catch (InterruptedException e) {
            return interrupted(spec, backend, start);
        }
    }

    /** Runs the task on a worker thread; past the deadline it is interrupted and awaited for a grace period. */
    private <T> T within(Duration deadline, Callable<T> task) throws Overrun, ExecutionException, InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Future<T> running = workers.submit(() -> {
            try {
                return task.call();
            } finally {
                finished.countDown();
            }
        });
        try {
            return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new Overrun(awaitStop(finished));
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }

    private static Verdict interrupted(Spec spec, Backend backend, long since) {
        Thread.currentThread().interrupt();
        return Verdict.of(spec.id(), backend.name(), Status.ERROR, "the harness was interrupted", System.nanoTime() - since);
    }

    /** A task that outlived its deadline; whether it stopped within the grace period once interrupted. */
    private static final class Overrun extends Exception {
        private final boolean stopped;

        Overrun(boolean stopped) {
            super(null, null, false, false);
            this.stopped = stopped;
        }

        String stoppedNote() {
            return stopped ? "" : "; the backend did not stop within " + GRACE.toSeconds() + " s";
        }
    }

    /**
     * What the spec needs that the backend lacks, if anything; the spec is SKIP there. That is a
     * capability the spec requires, or a {@code __faasm_*} call its modules import that the backend's
     * Faasm VM links and the backend does not implement. Calls the VM itself leaves unlinked are not
     * lacking: what Faasm does with them is what such a spec checks. A backend that lists no
     * implemented calls is judged by its capabilities alone.
     */
    public Optional<String> lacks(Spec spec, Backend backend) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        missing.addAll(spec.requires());
        missing.removeAll(Capability.effective(backend.capabilities(), backend.implementedImports()));
        if (!missing.isEmpty()) {
            return Optional.of(missing.stream().map(Capability::id).toList().toString());
        }
        if (backend.implementedImports().isEmpty()) {
            return Optional.empty();
        }
        Set<FaasmImport> unimplemented = EnumSet.noneOf(FaasmImport.class);
        spec.namedFunctions().forEach(function -> unimplemented.addAll(moduleImports().of(function)));
        unimplemented.retainAll(backend.vm().imports());
        unimplemented.removeAll(backend.implementedImports());
        return unimplemented.isEmpty() ? Optional.empty()
                : Optional.of(unimplemented.stream().map(FaasmImport::importName).toList() + ", which its modules import");
    }

    private synchronized ModuleImports moduleImports() {
        if (moduleImports == null) {
            moduleImports = new ModuleImports(ProjectLayout.locate().wasm());
        }
        return moduleImports;
    }

    private static Verdict judge(Spec spec, Backend backend, Observation observation, long nanos) {
        Expectation expect = spec.expectOn(backend.vm());
        boolean stdioUnseen = expect.expectsStdio() && !backend.capabilities().contains(Capability.CAPTURED_STDIO);
        List<Mismatch> mismatches = new ArrayList<>(SpecComparator.compare(stdioUnseen ? expect.withoutStdio() : expect, observation));
        // The harness's trap text is checked where the entry is to fail: on a VM whose expectation has it return 0
        // (a check that VM does not make), there is no trap to describe.
        boolean toFail = expect.returnValue().map(rv -> rv != 0).orElse(true);
        if (backend.capabilities().contains(Capability.DIAGNOSTICS) && toFail) {
            mismatches.addAll(SpecComparator.compareDiagnostics(spec.diagnostics(), observation));
        }
        Status status = mismatches.isEmpty() ? Status.PASS : Status.FAIL;
        String message = (mismatches.isEmpty() ? "as specified"
                : mismatches.size() + " mismatch" + (mismatches.size() == 1 ? "" : "es") + ": " + mismatches.get(0))
                + (stdioUnseen ? " (stdout/stderr not checked: " + backend.name() + " cannot observe them)" : "");
        return new Verdict(spec.id(), backend.name(), status, message, List.copyOf(mismatches), Optional.of(observation), nanos);
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
