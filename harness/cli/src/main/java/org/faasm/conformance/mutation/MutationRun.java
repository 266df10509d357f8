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
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.SpecJudge;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Runs the catalogue on one backend: each spec once without a mutant (the verdicts to compare with;
 * a spec that fails there, or is expected to time out, is left out), then each mutant seeded in turn with only the specs whose modules import a call it affects, until
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

    /** The backend stays open (and is the caller's to close); it runs without a mutant afterwards. */
    public MutationScore run(Backend backend, List<Mutant> catalogue, List<Spec> specs, Progress progress) {
        Seam seam = Seam.of(backend).orElseThrow(() -> new IllegalArgumentException(backend.name() + " takes no mutants"));
        long started = System.nanoTime();
        // A view of the backend alone, never closed: closing it would close the backend.
        BackendPool alone = BackendPool.of(List.of(backend));
        List<Mutant> mutants = catalogue.stream().filter(m -> m.appliesTo(seam.host())).toList();
        List<MutantResult> results = new ArrayList<>();
        try (SpecJudge judge = new SpecJudge(alone, expectations, specTimeout)) {
            seam.seed().accept(Optional.empty());
            Map<Spec, Verdict> baseline = new LinkedHashMap<>();
            for (Spec spec : specs) {
                Verdict verdict = judge.judge(spec).verdicts().get(0);
                if (verdict.status().isFailure()) {
                    // Once more: a first spec can time out while the backend warms up on a loaded machine.
                    verdict = judge.judge(spec).verdicts().get(0);
                }
                // A spec that fails without a mutant tells nothing about one, and one that does not run kills none.
                // One expected to time out would cost its whole timeout per mutant, and tells only a mutant that ends its wait.
                if (!NOT_RUN.contains(verdict.status()) && !verdict.status().isFailure() && verdict.observedStatus() != Status.TIMEOUT) {
                    baseline.put(spec, verdict);
                }
            }
            for (Mutant mutant : mutants) {
                seam.seed().accept(Optional.of(mutant));
                try {
                    results.add(runOne(judge, mutant, baseline));
                } finally {
                    seam.seed().accept(Optional.empty());
                }
                progress.mutant(backend.name(), results.get(results.size() - 1), results.size(), mutants.size());
            }
        }
        return new MutationScore(backend.name(), seam.host(), List.copyOf(results), (System.nanoTime() - started) / 1_000_000);
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
