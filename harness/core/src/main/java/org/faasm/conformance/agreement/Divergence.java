package org.faasm.conformance.agreement;

/**
 * One field where two backends' observations differ.
 *
 * @param field where, e.g. {@code returnValue}, {@code chained[1].output}, {@code stateAfter[counter]}
 */
public record Divergence(String field, String left, String right) {
    @Override
    public String toString() {
        return field + ": " + left + " vs " + right;
    }
}
