package org.faasm.conformance.run;

/** Hears about a run as it goes: each verdict as it lands, with how many of how many are done. */
public interface RunListener {
    void verdict(SpecOutcome outcome, int index, int done, int total);
}
