package org.faasm.conformance.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * Everything one run produced: which backends, each spec's verdicts and agreement, and the files
 * (specs or expectations) that failed to load.
 */
public record RunResult(
        Instant started,
        Instant finished,
        List<BackendInfo> backends,
        List<SpecOutcome> outcomes,
        List<SpecLoadError> loadErrors) {

    public List<Verdict> verdicts() {
        return outcomes.stream().flatMap(o -> o.verdicts().stream()).toList();
    }

    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new TreeMap<>();
        verdicts().forEach(v -> counts.merge(v.status(), 1L, Long::sum));
        return counts;
    }

    /** Whether the run should fail a build: any failing verdict or any file that did not load. */
    public boolean failed() {
        return !loadErrors.isEmpty() || verdicts().stream().anyMatch(v -> v.status().isFailure());
    }
}
