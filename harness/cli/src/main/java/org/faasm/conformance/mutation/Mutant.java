package org.faasm.conformance.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One plausible host bug from the catalogue: what it does to each call it affects (an operator, as
 * data, that each host's decorator interprets), on which hosts it applies, and — for a mutant no spec
 * kills — why that is harmless or which spec will kill it.
 *
 * @param calls import name (a {@code __faasm_*} call or a WASI call) → its operator
 * @param survives why no spec kills it, if none does
 * @param equivalent no message can tell it from the host (its reason says why), so the score leaves it out
 * @param killer the spec named as the one that kills it on every host (checked by a test), if any
 */
public record Mutant(String id, String description, Set<String> hosts, Map<String, JsonNode> calls, Optional<String> survives,
        boolean equivalent, Optional<String> killer) {
    public boolean appliesTo(String host) {
        return hosts.contains(host);
    }
}
