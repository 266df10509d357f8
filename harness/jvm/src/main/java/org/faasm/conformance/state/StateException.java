package org.faasm.conformance.state;

/** A state request Faasm refuses (it throws in the host, failing the message). */
public final class StateException extends RuntimeException {
    public StateException(String message) {
        super(message);
    }
}
