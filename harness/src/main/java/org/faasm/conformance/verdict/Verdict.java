package org.faasm.conformance.verdict;

import java.util.List;
import java.util.Optional;
import org.faasm.conformance.observe.Observation;

/**
 * The verdict on one spec × backend: its status, a one-line reason, the mismatches behind a FAIL, and
 * the observation when there is one.
 */
public record Verdict(
        String specId,
        String backend,
        Status status,
        String message,
        List<Mismatch> mismatches,
        Optional<Observation> observation,
        long durationNanos) {

    public static Verdict of(String specId, String backend, Status status, String message, long durationNanos) {
        return new Verdict(specId, backend, status, message, List.of(), Optional.empty(), durationNanos);
    }
}
