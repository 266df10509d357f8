package org.faasm.conformance.verdict;

/** The result of one spec on one backend. */
public enum Status {
    /** The backend did what the spec says. */
    PASS,
    /** It ran, and something differs from the spec. */
    FAIL,
    /** It failed as its backend's expectations file says it would; does not break the build. */
    XFAIL,
    /** It passed although its backend's expectations file says it fails: the entry is stale. */
    XPASS,
    /** The backend lacks a capability the spec requires (or its expectations file skips the spec). */
    SKIP,
    /** The backend cannot run here at all (e.g. no Docker). */
    UNAVAILABLE,
    /** The harness or the backend failed before an observation could be made. */
    ERROR,
    /** The spec ran out of time. */
    TIMEOUT,
    /**
     * A recorded column's recording was made for another request or other modules than the spec now asks
     * for: it is reported, never replayed, until the spec is recorded again on the real host.
     */
    STALE;

    /** Whether this status breaks the build. */
    public boolean isFailure() {
        return this == FAIL || this == ERROR || this == TIMEOUT || this == XPASS;
    }
}
