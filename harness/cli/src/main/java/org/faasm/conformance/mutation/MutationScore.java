package org.faasm.conformance.mutation;

import java.util.List;

/** The catalogue's results on one backend. */
public record MutationScore(String backend, String host, List<MutantResult> results, long millis) {
    public long killed() {
        return results.stream().filter(r -> r.outcome().killed()).count();
    }

    /** Survivors no message can tell from the host: left out of the score, as mutation testing does. */
    public long equivalent() {
        return survivors().stream().filter(r -> r.mutant().equivalent()).count();
    }

    /** Killed mutants over the mutants that are not equivalent, in percent (100 when there are none). */
    public double percent() {
        long scored = results.size() - equivalent();
        return scored == 0 ? 100 : 100.0 * killed() / scored;
    }

    public List<MutantResult> survivors() {
        return results.stream().filter(r -> !r.outcome().killed()).toList();
    }

    /** Survivors the catalogue gives no reason for: each one is a gap in the suite. */
    public List<MutantResult> unexplained() {
        return survivors().stream().filter(r -> r.mutant().survives().isEmpty()).toList();
    }
}
