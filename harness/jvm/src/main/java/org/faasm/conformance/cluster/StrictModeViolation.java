package org.faasm.conformance.cluster;

/** Thrown at whoever used the embedded cluster when it got a request real Faasm would not survive. */
public final class StrictModeViolation extends RuntimeException {
    StrictModeViolation(String message) {
        super(message);
    }
}
