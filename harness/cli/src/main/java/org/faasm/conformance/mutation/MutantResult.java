package org.faasm.conformance.mutation;

import java.util.Optional;

/**
 * What one mutant came to on one backend.
 *
 * @param killedBy the first spec whose verdict changed under the mutant
 * @param detail how it changed ({@code PASS → FAIL: …}), or why the mutant survived
 */
public record MutantResult(Mutant mutant, Outcome outcome, Optional<String> killedBy, String detail, int specsRun, long millis) {
    public enum Outcome {
        /** A spec's verdict changed. */
        KILLED,
        /** The host hung: a spec timed out, or the mutant's own deadline passed. */
        KILLED_BY_TIMEOUT,
        /** Every spec importing its calls ran with the verdict it has without the mutant. */
        SURVIVED,
        /** No selected spec's modules import a call it affects. */
        NOT_COVERED;

        public boolean killed() {
            return this == KILLED || this == KILLED_BY_TIMEOUT;
        }
    }
}
