package org.faasm.conformance.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/** Everything one run produced: which backends, every verdict, and the specs that failed to load. */
public record RunResult(
        Instant started,
        Instant finished,
        List<BackendInfo> backends,
        List<Verdict> verdicts,
        List<SpecLoadError> loadErrors) {

    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new TreeMap<>();
        verdicts.forEach(v -> counts.merge(v.status(), 1L, Long::sum));
        return counts;
    }

    /** Whether the run should fail a build: any failing verdict or any spec that did not load. */
    public boolean failed() {
        return !loadErrors.isEmpty() || verdicts.stream().anyMatch(v -> v.status().isFailure());
    }
}
