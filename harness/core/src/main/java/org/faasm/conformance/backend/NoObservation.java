package org.faasm.conformance.backend;

import org.faasm.conformance.verdict.Status;

/**
 * Thrown by {@link Backend#run} when the backend has, by design, nothing to observe for this request: a
 * recorded column without a recording of it ({@link Status#SKIP}), or with one made for another request
 * ({@link Status#STALE}). The verdict is that status with this message, not an ERROR.
 */
public final class NoObservation extends Exception {
    private final Status status;

    public NoObservation(Status status, String reason) {
        super(reason);
        if (status != Status.SKIP && status != Status.STALE) {
            throw new IllegalArgumentException("a backend without an observation reports SKIP or STALE, not " + status);
        }
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
