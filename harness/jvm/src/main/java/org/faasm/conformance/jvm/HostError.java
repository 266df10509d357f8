package org.faasm.conformance.jvm;

/** A host call that failed the way Faasm's host throws (e.g. a state error), named after the call. */
final class HostError extends RuntimeException {
    HostError(String call, String message) {
        super(call + ": " + message);
    }

    /** An error whose text is exactly what Faasm's exception says (its what()). */
    HostError(String what) {
        super(what);
    }
}
