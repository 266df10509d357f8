package org.faasm.conformance.mutation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.SpecJudge;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.support.DaemonThreads;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Runs the catalogue on a backend: each spec once without a mutant (the verdicts to compare with;
 * a spec that fails there, or is expected to time out, is left out), then each mutant, seeded alone into one instance's host, with only the specs whose modules import a call it affects, until
 * one spec's verdict changes. Verdicts come from the suite's own judge, expectations and timeouts
 * included; a mutant that hangs the host ends in its spec's TIMEOUT, or at its own deadline.
 */
public final class MutationRun {
    /** What a run says as it goes. */
    @FunctionalInterface
    public interface Progress {
        void mutant(String backend, MutantResult result, int done, int total);
    }

    private static final Set<Status> NOT_RUN = Set.of(Status.SKIP, Status.UNAVAILABLE);

    private final Duration specTimeout;
    private final Duration mutantDeadline;
    private final Expectations expectations;
    private final ImportedCalls imports;

    /**
     * @param mutantDeadline the most one mutant may take in all; past it the mutant counts as killed by timeout
     */
    public MutationRun(Duration specTimeout, Duration mutantDeadline, Expectations expectations, java.nio.file.Path wasmDir) {
        this.specTimeout = specTimeout;
        this.mutantDeadline = mutantDeadline;
        this.expectations = expectations;
        this.imports = new ImportedCalls(wasmDir);
    }

    /** Whether the catalogue can be seeded into this backend's host. */
    public static boolean mutable(Backend backend) {
        return Seam.of(backend).isPresent() && backend.availability().available();
    }

    /**
     * Runs the catalogue on instances of one backend, side by side: the specs without a mutant, then
     * the mutants, each taken by the next free instance, which seeds it into its own host alone. More
     * instances only make it faster; the score is the same. The instances stay open (they are the
     * caller's to close) and run without a mutant afterwards.
     */
    public MutationScore run(List<Backend> instances, List<Mutant> catalogue, List<Spec> specs, Progress progress) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no backend to seed mutants into");
        }
        List<Worker> workers = instances.stream().map(Worker::new).toList();
        String host = workers.get(0).seam.host();
        String name = instances.get(0).name();
        if (workers.stream().anyMatch(w -> !w.seam.host().equals(host) || !w.backend.name().equals(name))) {
            throw new IllegalArgumentException("instances of one backend, not " + instances.stream().map(Backend::name).toList());
        }
        long started = System.nanoTime();
        List<Mutant> mutants = catalogue.stream().filter(m -> m.appliesTo(host)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(workers.size(), DaemonThreads.named("faasm-mutants-"));
        try {
            Verdict[] unmutated = new Verdict[specs.size()];
            side(threads, workers, specs.size(), (worker, i) -> unmutated[i] = worker.baseline(specs.get(i)), longestBaseline(specs));
            Map<Spec, Verdict> baseline = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                // A spec that fails without a mutant tells nothing about one, and one that does not run kills none.
                // One expected to time out would cost its whole timeout per mutant, and tells only a mutant that ends its wait.
                Verdict verdict = unmutated[i];
                if (!NOT_RUN.contains(verdict.status()) && !verdict.status().isFailure() && verdict.observedStatus() != Status.TIMEOUT) {
                    baseline.put(specs.get(i), verdict);
                }
            }
            MutantResult[] results = new MutantResult[mutants.size()];
            AtomicInteger done = new AtomicInteger();
            side(threads, workers, mutants.size(), (worker, i) -> {
                results[i] = worker.mutant(mutants.get(i), baseline);
                synchronized (progress) {
                    progress.mutant(name, results[i], done.incrementAndGet(), mutants.size());
                }
            }, longestMutant(specs).multipliedBy(Math.max(1, mutants.size())));
            return new MutationScore(name, host, List.of(results), (System.nanoTime() - started) / 1_000_000);
        } finally {
            threads.shutdownNow();
            workers.forEach(Worker::close);
        }
    }

    /** One instance as a worker: its seam, and a judge of its own (a view of the backend alone, never closing it). */
    private final class Worker implements AutoCloseable {
        private final Backend backend;
        private final Seam seam;
        private final SpecJudge judge;

        Worker(Backend backend) {
            this.backend = backend;
            this.seam = Seam.of(backend).orElseThrow(() -> new IllegalArgumentException(backend.name() + " takes no mutants"));
            this.judge = new SpecJudge(BackendPool.of(List.of(backend)), expectations, specTimeout);
            seam.seed().accept(Optional.empty());
        }

        Verdict baseline(Spec spec) {
            Verdict verdict = judge.judge(spec).verdicts().get(0);
            // Once more: a first spec can time out while the backend warms up on a loaded machine.
            return verdict.status().isFailure() ? judge.judge(spec).verdicts().get(0) : verdict;
        }

        MutantResult mutant(Mutant mutant, Map<Spec, Verdict> baseline) {
            seam.seed().accept(Optional.of(mutant));
            try {
                return runOne(judge, mutant, baseline);
            } finally {
                seam.seed().accept(Optional.empty());
            }
        }

        @Override
        public void close() {
            judge.close();
        }
    }

    /** Items 0..count-1, each done once by whichever worker is free; returns when all are done. */
    private static void side(ExecutorService threads, List<Worker> workers, int count, BiConsumer<Worker, Integer> item, Duration bound) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = workers.stream().<Future<?>>map(worker -> threads.submit(() -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                item.accept(worker, i);
            }
        })).toList();
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            for (Future<?> worker : running) {
                worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mutation worker failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the mutation run outlived every deadline of its specs and mutants (" + bound.toMinutes() + " min)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the mutation run was interrupted");
        }
    }

    /** Each spec twice at most, each run bounded by its own deadlines. */
    private Duration longestBaseline(List<Spec> specs) {
        return specs.stream().map(this::longestRun).reduce(Duration.ZERO, Duration::plus).multipliedBy(2);
    }

    /** A mutant stops starting specs at its deadline, and the last one it started keeps its own. */
    private Duration longestMutant(List<Spec> specs) {
        return mutantDeadline.plus(specs.stream().map(this::longestRun).max(Duration::compareTo).orElse(Duration.ZERO));
    }

    private Duration longestRun(Spec spec) {
        return SpecRunner.longestRun(spec, specTimeout);
    }

    private MutantResult runOne(SpecJudge judge, Mutant mutant, Map<Spec, Verdict> baseline) {
        long started = System.nanoTime();
        long deadline = started + mutantDeadline.toNanos();
        int run = 0;
        for (Map.Entry<Spec, Verdict> entry : likelyKillersFirst(mutant, baseline)) {
            Spec spec = entry.getKey();
            if (System.nanoTime() > deadline) {
                return new MutantResult(mutant, MutantResult.Outcome.KILLED_BY_TIMEOUT, Optional.empty(),
                        "its specs ran past the mutant's deadline of " + mutantDeadline.toSeconds() + " s", run, millisSince(started));
            }
            run++;
            Verdict mutated = judge.judge(spec).verdicts().get(0);
            Status before = entry.getValue().status();
            if (mutated.status() != before) {
                MutantResult.Outcome outcome = mutated.status() == Status.TIMEOUT
                        ? MutantResult.Outcome.KILLED_BY_TIMEOUT : MutantResult.Outcome.KILLED;
                return new MutantResult(mutant, outcome, Optional.of(spec.id()),
                        before + " → " + mutated.status() + ": " + firstLine(mutated.message()), run, millisSince(started));
            }
        }
        return run == 0
                ? new MutantResult(mutant, MutantResult.Outcome.NOT_COVERED, Optional.empty(),
                        "no spec's modules import " + String.join(", ", mutant.calls().keySet()), 0, millisSince(started))
                : new MutantResult(mutant, MutantResult.Outcome.SURVIVED, Optional.empty(),
                        run + " specs importing its calls kept their verdicts", run, millisSince(started));
    }

    /**
     * The specs importing a call the mutant affects, in the order most likely to kill it soon (which
     * only saves time; a survivor runs them all): its named killer, then the specs that called one of
     * its calls when run without it, then the most focused (fewest imports).
     */
    private List<Map.Entry<Spec, Verdict>> likelyKillersFirst(Mutant mutant, Map<Spec, Verdict> baseline) {
        return baseline.entrySet().stream()
                .filter(e -> mutant.calls().keySet().stream().anyMatch(imports.of(e.getKey())::contains))
                .sorted(Comparator.<Map.Entry<Spec, Verdict>>comparingInt(e -> mutant.killer().filter(e.getKey().id()::equals).isPresent() ? 0 : 1)
                        .thenComparingInt(e -> called(e.getValue()).stream().anyMatch(mutant.calls()::containsKey) ? 0 : 1)
                        .thenComparingInt(e -> imports.of(e.getKey()).size()))
                .toList();
    }

    /** Every call recorded in the verdict's observation, chained calls included. */
    private static Set<String> called(Verdict verdict) {
        Set<String> names = new HashSet<>();
        verdict.observation().ifPresent(o -> addCalls(o, names));
        return names;
    }

    private static void addCalls(Observation observation, Set<String> names) {
        observation.trace().forEach(call -> names.add(call.name()));
        observation.chained().forEach(child -> addCalls(child, names));
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
