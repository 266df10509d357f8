package org.faasm.conformance.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faasm.conformance.observe.Observation;

/**
 * The verdict on one spec × backend: its status, a one-line reason, the mismatches behind a FAIL, the
 * observation when there is one, and the expectations entry that applied, if any.
 */
public record Verdict(
        String specId,
        String backend,
        Status status,
        String message,
        List<Mismatch> mismatches,
        Optional<Observation> observation,
        long durationNanos,
        Optional<ExpectedStatus> expectation) {

    /** A verdict no expectations entry has touched yet. */
    public Verdict(String specId, String backend, Status status, String message, List<Mismatch> mismatches,
            Optional<Observation> observation, long durationNanos) {
        this(specId, backend, status, message, mismatches, observation, durationNanos, Optional.empty());
    }

    public static Verdict of(String specId, String backend, Status status, String message, long durationNanos) {
        return new Verdict(specId, backend, status, message, List.of(), Optional.empty(), durationNanos);
    }

    /** The status the backend itself produced, before its expectations file was applied. */
    public Status observedStatus() {
        return switch (status) {
            case XFAIL -> expectation.map(ExpectedStatus::status).orElse(Status.FAIL);
            case XPASS -> Status.PASS;
            default -> status;
        };
    }

    Verdict withExpectation(Status newStatus, String newMessage, ExpectedStatus entry) {
        return new Verdict(specId, backend, newStatus, newMessage, mismatches, observation, durationNanos, Optional.of(entry));
    }

    /** The same verdict with more mismatches, failing (used when backends disagree on a consensus spec). */
    public Verdict failedWith(Mismatch mismatch) {
        List<Mismatch> all = new ArrayList<>(mismatches);
        all.add(mismatch);
        String newMessage = status == Status.FAIL ? message + "; " + mismatch : mismatch.toString();
        return new Verdict(specId, backend, Status.FAIL, newMessage, List.copyOf(all), observation, durationNanos, expectation);
    }

    public Verdict withMessage(String newMessage) {
        return new Verdict(specId, backend, status, newMessage, mismatches, observation, durationNanos, expectation);
    }
}
