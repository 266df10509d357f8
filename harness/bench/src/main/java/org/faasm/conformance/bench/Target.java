package org.faasm.conformance.bench;

/** A performance goal on one ratio: every row at most {@code maxPerRow}, geometric mean at most {@code maxGeomean}. */
public record Target(Ratio ratio, double maxPerRow, double maxGeomean) {

    public String describe() {
        return ratio.id() + " <= " + maxPerRow + "x on every row, geomean <= " + maxGeomean + "x";
    }
}
