package org.faasm.conformance.junit;

/** An ERROR or TIMEOUT verdict: the spec could not be judged; not an AssertionError, so CI pages count it as an error. */
final class VerdictError extends RuntimeException {
    VerdictError(String message) {
        super(message, null, false, false);
    }
}
