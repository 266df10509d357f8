package org.faasm.conformance.agreement;

import java.util.List;
import java.util.Optional;

/** How two backends' observations of one spec compare: differing fields and the first divergent host call. */
public record Comparison(String left, String right, List<Divergence> differences, Optional<CallDivergence> firstDivergentCall) {

    public boolean agree() {
        return differences.isEmpty() && firstDivergentCall.isEmpty();
    }

    /** One line for consoles and verdicts: the first divergent call if any, else the first differing field. */
    public String describe() {
        if (agree()) {
            return left + " and " + right + " agree";
        }
        String first = firstDivergentCall.map(c -> "first divergent host call " + c)
                .orElseGet(() -> differences.get(0).toString());
        int more = differences.size() + (firstDivergentCall.isPresent() ? 1 : 0) - 1;
        return left + " ≠ " + right + ": " + first + (more > 0 ? " (+" + more + " more)" : "");
    }
}
