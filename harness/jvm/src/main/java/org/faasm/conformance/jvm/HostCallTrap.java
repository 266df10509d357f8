package org.faasm.conformance.jvm;

/** A trap raised by the host because a guest passed a host call something invalid (e.g. a bad pointer). */
final class HostCallTrap extends RuntimeException {
    HostCallTrap(String message) {
        super(message);
    }
}
