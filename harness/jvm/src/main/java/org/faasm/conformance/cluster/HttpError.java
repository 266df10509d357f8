package org.faasm.conformance.cluster;

/** A request the embedded cluster refuses, with the status and the message the client will read. */
final class HttpError extends Exception {
    final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }
}
