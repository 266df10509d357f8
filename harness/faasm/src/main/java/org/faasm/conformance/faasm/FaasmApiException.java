package org.faasm.conformance.faasm;

/** A Faasm endpoint answered something the client cannot use; the message says what and where. */
public final class FaasmApiException extends RuntimeException {
    public FaasmApiException(String message) {
        super(message);
    }
}
