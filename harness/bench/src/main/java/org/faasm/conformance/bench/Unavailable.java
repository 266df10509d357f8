package org.faasm.conformance.bench;

/** A tool or input a column needs is missing: reported as "unavailable: reason", not as an error. */
final class Unavailable extends Exception {

    Unavailable(String reason) {
        super(reason);
    }
}
