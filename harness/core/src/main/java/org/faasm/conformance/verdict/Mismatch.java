package org.faasm.conformance.verdict;

/** One way an observation differs from its spec: which field, what was expected, what was seen. */
public record Mismatch(String field, String expected, String actual) {
    @Override
    public String toString() {
        return field + ": expected " + expected + ", got " + actual;
    }
}
