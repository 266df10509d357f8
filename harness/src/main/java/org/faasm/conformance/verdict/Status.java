package org.faasm.conformance.verdict;

/** The result of one spec on one backend. */
public enum Status {
    /** The backend did what the spec says. */
    PASS,
    /** It ran, and something differs from the spec. */
    FAIL,
    /** The backend lacks a capability the spec requires. */
    SKIP,
    /** The backend cannot run here at all (e.g. no Docker). */
    UNAVAILABLE,
    /** The harness or the backend failed before an observation could be made. */
    ERROR,
    /** The spec ran out of time. */
    TIMEOUT;

    /** Whether this status breaks the build. */
    public boolean isFailure() {
        return this == FAIL || this == ERROR || this == TIMEOUT;
    }
}
