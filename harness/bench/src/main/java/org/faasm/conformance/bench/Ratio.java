package org.faasm.conformance.bench;

/** A ratio of two columns' medians, e.g. chicory-compiler / v8; above 1 means the numerator is slower. */
public record Ratio(String numerator, String denominator, String title) {

    public static Ratio of(Engine numerator, Engine denominator, String title) {
        return new Ratio(numerator.id(), denominator.id(), title);
    }

    public String id() {
        return numerator + "/" + denominator;
    }
}
