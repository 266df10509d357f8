package org.faasm.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.agreement.Consensus;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.support.DaemonThreads;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * The one place verdicts are made, for the command line and JUnit alike: a spec runs on every backend
 * of the pool, a consensus spec is judged by whether the backends agree, and then each backend's
 * expectations turn known failures into XFAIL and stale entries into XPASS.
 *
 * <p>A spec's backends run side by side, up to one per core ({@link #LANES}): each is its own host
 * with its own cluster, and much of a run is waiting (a guest's sleep, a browser, a chained call's
 * deadline), which leaves the core to another backend. Each run keeps its own deadline.
 */
public final class SpecJudge implements AutoCloseable {
    /** How many of a spec's backends run at once. */
    public static final int LANES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Past a run's own worst case: a lane that has not answered by then has lost its run. */
    private static final Duration LANE_SLACK = Duration.ofSeconds(30);

    private final BackendPool pool;
    private final Expectations expectations;
    private final SpecRunner runner;
    private final ExecutorService lanes = Executors.newFixedThreadPool(LANES, DaemonThreads.named("faasm-lane-"));
    /** Per backend name: the VM it follows and the expectations file it is judged by, fixed for the pool. */
    private final Map<String, FaasmVm> vms = new LinkedHashMap<>();
    private final Map<String, String> expectationFiles = new LinkedHashMap<>();

    public SpecJudge(BackendPool pool, Expectations expectations, Duration timeout) {
        this.pool = pool;
        this.expectations = expectations;
        this.runner = new SpecRunner(timeout);
        pool.members().forEach(m -> {
            vms.put(m.backend().name(), m.backend().vm());
            expectationFiles.put(m.backend().name(), m.backend().expectationsName());
        });
    }

    public SpecOutcome judge(Spec spec) {
        List<BackendPool.Member> runnable = pool.members().stream().filter(m -> canRun(spec, m)).toList();
        boolean lonelyConsensus = spec.consensus() && runnable.size() < 2;
        List<Future<Verdict>> pending = new ArrayList<>();
        int queued = 0;
        for (BackendPool.Member member : pool.members()) {
            String name = member.backend().name();
            Optional<ExpectedStatus> expected = expectations.lookup(expectationFiles.get(name), spec.id());
            if (!member.availability().available()) {
                pending.add(CompletableFuture.completedFuture(Verdict.of(spec.id(), name, Status.UNAVAILABLE, member.availability().reason(), 0)));
            } else if (expected.filter(e -> e.status() == Status.SKIP).isPresent()) {
                pending.add(CompletableFuture.completedFuture(expected.get().skip(spec.id(), name)));
            } else if (lonelyConsensus && runnable.contains(member)) {
                pending.add(CompletableFuture.completedFuture(Verdict.of(spec.id(), name, Status.SKIP,
                        "consensus spec needs two backends; only " + name + " can run it here", 0)));
            } else {
                pending.add(lanes.submit(() -> runner.run(spec, member.backend())));
                queued++;
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        // A run waits for a free lane: the last one starts after the runs ahead of it in its lane.
        int rounds = (queued + LANES - 1) / LANES;
        long deadline = System.nanoTime() + runner.longestRun(spec).multipliedBy(Math.max(1, rounds)).plus(LANE_SLACK).toNanos();
        for (int i = 0; i < pending.size(); i++) {
            verdicts.add(awaitLane(pending.get(i), deadline, spec, pool.members().get(i).backend().name()));
        }
        Agreement agreement = Agreement.of(observations(verdicts), vms);
        List<Verdict> judged = spec.consensus() ? Consensus.judge(verdicts, agreement) : verdicts;
        return new SpecOutcome(spec, judged.stream().map(this::applyExpectation).toList(), agreement);
    }

    /** A lane's verdict; one past every deadline its run has is an ERROR, and the run goes on. */
    private static Verdict awaitLane(Future<Verdict> lane, long deadline, Spec spec, String backend) {
        try {
            return lane.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lane.cancel(true);
            return Verdict.of(spec.id(), backend, Status.ERROR, "the run outlived every deadline it had; the harness gave up on it", 0);
        } catch (ExecutionException e) {
            return Verdict.of(spec.id(), backend, Status.ERROR, "the harness failed running it: " + e.getCause(), 0);
        } catch (InterruptedException e) {
            lane.cancel(true);
            Thread.currentThread().interrupt();
            return Verdict.of(spec.id(), backend, Status.ERROR, "the harness was interrupted", 0);
        }
    }

    private boolean canRun(Spec spec, BackendPool.Member member) {
        return member.availability().available()
                && expectations.lookup(expectationFiles.get(member.backend().name()), spec.id()).filter(e -> e.status() == Status.SKIP).isEmpty()
                && runner.lacks(spec, member.backend()).isEmpty();
    }

    private Verdict applyExpectation(Verdict verdict) {
        if (verdict.status() == Status.UNAVAILABLE || verdict.expectation().isPresent()) {
            return verdict;
        }
        return expectations.lookup(expectationFiles.get(verdict.backend()), verdict.specId()).map(e -> e.apply(verdict)).orElse(verdict);
    }

    private static Map<String, Observation> observations(List<Verdict> verdicts) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        verdicts.forEach(v -> v.observation().ifPresent(o -> observations.put(v.backend(), o)));
        return observations;
    }

    @Override
    public void close() {
        lanes.shutdownNow();
        runner.close();
    }
}
