package org.faasm.conformance.cluster;

/**
 * A request a real Faasm process would not survive, or that the harness must never send: the
 * embedded cluster answers it with an error and records it (see {@link Violations}).
 */
final class Violation extends Exception {
    Violation(String why) {
        super(why);
    }
}
