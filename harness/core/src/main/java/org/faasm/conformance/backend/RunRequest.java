package org.faasm.conformance.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.spec.Placement;
import org.faasm.conformance.spec.Spec;

/**
 * What a backend needs to run one spec, and nothing of what the spec expects, so an implementation
 * under test cannot see the answers: the entry function, its input and command line, the logical hosts,
 * the global state and files given before, where messages run, the functions a cluster must have uploaded, and
 * the state keys and shared files to report after the run.
 */
public record RunRequest(String specId, String function, byte[] input, String cmdline, int hosts,
        Map<String, byte[]> givenState, Map<String, byte[]> givenFiles, Placement placement, Set<String> functions,
        Set<String> stateKeys, Set<String> sharedFilesToReport) {

    /**
     * Copies keep their order: state is given, and reported, in the order the spec names it. The bytes are
     * copied too, so a host that writes into what it was given (a bug, or a PIT mutant) cannot change
     * the spec for the next run in this JVM (specs are loaded once per JVM under a test runner).
     */
    public RunRequest {
        input = input.clone();
        givenState = Collections.unmodifiableMap(copyBytes(givenState));
        givenFiles = Collections.unmodifiableMap(copyBytes(givenFiles));
        functions = Collections.unmodifiableSet(new LinkedHashSet<>(functions));
        stateKeys = Collections.unmodifiableSet(new LinkedHashSet<>(stateKeys));
        sharedFilesToReport = Collections.unmodifiableSet(new LinkedHashSet<>(sharedFilesToReport));
    }

    private static Map<String, byte[]> copyBytes(Map<String, byte[]> values) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        values.forEach((key, bytes) -> copy.put(key, bytes.clone()));
        return copy;
    }

    /**
     * The request the runner makes of a spec for a backend following {@code vm}. The shared files to
     * report are those expected to exist after the run: a Faasm deployment fails on a request for a
     * missing one.
     */
    public static RunRequest of(Spec spec, FaasmVm vm) {
        return new RunRequest(spec.id(), spec.function(), spec.input(), spec.cmdline(), spec.hosts(), spec.givenState(),
                spec.givenFiles(), spec.placement(), spec.namedFunctions(), spec.stateKeys(), spec.expectedSharedFiles(vm));
    }
}
