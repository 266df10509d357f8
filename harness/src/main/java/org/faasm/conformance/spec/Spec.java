package org.faasm.conformance.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One conformance spec: which function to run, with what input and state, and what it must produce.
 *
 * @param source the YAML file it was read from
 * @param hosts logical hosts in the cluster; the entry runs on host 0
 * @param consensus whether the backends must also agree with each other
 * @param placement where the entry and its chained calls run
 */
public record Spec(
        String id,
        Path source,
        String summary,
        String function,
        byte[] input,
        String cmdline,
        int hosts,
        Optional<Long> timeoutMs,
        Map<String, byte[]> givenState,
        Set<Capability> requires,
        Expectation expect,
        List<String> tags,
        boolean consensus,
        Placement placement) {

    /** A spec placed the default way: everything on the backend under test. */
    public Spec(String id, Path source, String summary, String function, byte[] input, String cmdline, int hosts,
            Optional<Long> timeoutMs, Map<String, byte[]> givenState, Set<Capability> requires, Expectation expect,
            List<String> tags, boolean consensus) {
        this(id, source, summary, function, input, cmdline, hosts, timeoutMs, givenState, requires, expect, tags, consensus,
                Placement.DEFAULT);
    }

    /** A spec judged against fixed values only. */
    public Spec(String id, Path source, String summary, String function, byte[] input, String cmdline, int hosts,
            Optional<Long> timeoutMs, Map<String, byte[]> givenState, Set<Capability> requires, Expectation expect,
            List<String> tags) {
        this(id, source, summary, function, input, cmdline, hosts, timeoutMs, givenState, requires, expect, tags, false);
    }

    /** The user every spec's functions run as; state and chaining are scoped to it. */
    public static final String USER = "demo";

    /** The same spec without expectations on stdout and stderr, for backends that cannot see them apart. */
    public Spec withoutStdioExpectations() {
        Expectation reduced = new Expectation(expect.returnValue(), expect.output(), java.util.Optional.empty(),
                java.util.Optional.empty(), expect.trap(), expect.chained(), expect.state());
        return new Spec(id, source, summary, function, input, cmdline, hosts, timeoutMs, givenState, requires, reduced, tags,
                consensus, placement);
    }

    /** Whether the spec checks stdout or stderr. */
    public boolean expectsStdio() {
        return expect.stdout().isPresent() || expect.stderr().isPresent();
    }

    /**
     * The entry function and every function the spec expects to be chained by name: what a cluster
     * needs uploaded before it can run the spec.
     */
    public Set<String> namedFunctions() {
        Set<String> functions = new java.util.LinkedHashSet<>();
        functions.add(function);
        expect.chained().ifPresent(calls -> addChained(calls, functions));
        return functions;
    }

    private static void addChained(List<ChainedCallExpectation> calls, Set<String> functions) {
        for (ChainedCallExpectation call : calls) {
            call.function().ifPresent(functions::add);
            call.chained().ifPresent(nested -> addChained(nested, functions));
        }
    }
}
