package org.faasm.conformance.jvm;

/** The thread running a guest was interrupted (its spec ran out of time); unwinds the guest. */
final class GuestInterrupted extends RuntimeException {
    GuestInterrupted() {
        super("interrupted", null, false, false);
    }
}
