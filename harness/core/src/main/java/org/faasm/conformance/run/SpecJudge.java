package org.faasm.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.agreement.Consensus;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * The one place verdicts are made, for the command line and JUnit alike: a spec runs on every backend
 * of the pool, a consensus spec is judged by whether the backends agree, and then each backend's
 * expectations turn known failures into XFAIL and stale entries into XPASS.
 */
public final class SpecJudge implements AutoCloseable {
    private final BackendPool pool;
    private final Expectations expectations;
    private final SpecRunner runner;
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
        List<Verdict> verdicts = new ArrayList<>();
        for (BackendPool.Member member : pool.members()) {
            String name = member.backend().name();
            Optional<ExpectedStatus> expected = expectations.lookup(expectationFiles.get(name), spec.id());
            if (!member.availability().available()) {
                verdicts.add(Verdict.of(spec.id(), name, Status.UNAVAILABLE, member.availability().reason(), 0));
            } else if (expected.filter(e -> e.status() == Status.SKIP).isPresent()) {
                verdicts.add(expected.get().skip(spec.id(), name));
            } else if (lonelyConsensus && runnable.contains(member)) {
                verdicts.add(Verdict.of(spec.id(), name, Status.SKIP,
                        "consensus spec needs two backends; only " + name + " can run it here", 0));
            } else {
                verdicts.add(runner.run(spec, member.backend()));
            }
        }
        Agreement agreement = Agreement.of(observations(verdicts), vms);
        List<Verdict> judged = spec.consensus() ? Consensus.judge(verdicts, agreement) : verdicts;
        return new SpecOutcome(spec, judged.stream().map(this::applyExpectation).toList(), agreement);
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
        runner.close();
    }
}
