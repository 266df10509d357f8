package org.faasm.conformance.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.spec.Spec;

/**
 * What a backend needs to run one spec, and nothing of what the spec expects, so an implementation
 * under test cannot see the answers: the entry function, its input and command line, the logical hosts,
 * the global state given before, where messages run, the functions a cluster must have uploaded, and
 * the state keys to report after the run.
 */
public record RunRequest(String specId, String function, byte[] input, String cmdline, int hosts,
        Map<String, byte[]> givenState, Placement placement, Set<String> functions, Set<String> stateKeys) {

    /** Copies keep their order: state is given, and reported, in the order the spec names it. */
    public RunRequest {
        givenState = Collections.unmodifiableMap(new LinkedHashMap<>(givenState));
        functions = Collections.unmodifiableSet(new LinkedHashSet<>(functions));
        stateKeys = Collections.unmodifiableSet(new LinkedHashSet<>(stateKeys));
    }

    /** The request the runner makes of a spec. */
    public static RunRequest of(Spec spec) {
        return new RunRequest(spec.id(), spec.function(), spec.input(), spec.cmdline(), spec.hosts(), spec.givenState(),
                spec.placement(), spec.namedFunctions(), spec.stateKeys());
    }
}
