package org.faasm.conformance.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecLoadError;

/**
 * Runs the selected specs on a pool of backends, spec by spec (so each spec's backends can be compared
 * at once), telling a listener about each verdict as it lands.
 */
public final class SuiteRun {
    private final Duration timeout;
    private final Expectations expectations;

    public SuiteRun(Duration timeout, Expectations expectations) {
        this.timeout = timeout;
        this.expectations = expectations;
    }

    /** @param loadErrors files that did not load, carried into the result */
    public RunResult execute(List<Spec> specs, List<SpecLoadError> loadErrors, BackendPool pool, RunListener listener) {
        Instant started = Instant.now();
        List<SpecOutcome> outcomes = new ArrayList<>();
        int total = specs.size() * pool.size();
        int done = 0;
        try (SpecJudge judge = new SpecJudge(pool, expectations, timeout)) {
            for (Spec spec : specs) {
                SpecOutcome outcome = judge.judge(spec);
                outcomes.add(outcome);
                for (int i = 0; i < outcome.verdicts().size(); i++) {
                    listener.verdict(outcome, i, ++done, total);
                }
            }
        }
        return new RunResult(started, Instant.now(), pool.infos(), List.copyOf(outcomes), loadErrors);
    }
}
