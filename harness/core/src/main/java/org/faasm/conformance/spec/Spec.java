package org.faasm.conformance.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.hostinterface.FaasmVm;

/**
 * One conformance spec: which function to run, with what input and state, and what it must produce.
 *
 * @param source the YAML file it was read from
 * @param hosts logical hosts in the cluster; the entry runs on host 0
 * @param expect what the message must carry on either Faasm VM, unless {@code perVm} says otherwise
 * @param consensus whether the backends must also agree with each other
 * @param placement where the entry and its chained calls run
 * @param citations the Faasm sources (or the harness concern) whose behaviour the spec asserts
 * @param diagnostics what the harness's own diagnostics must show, beyond what Faasm reports
 * @param perVm fields of {@code expect} that differ on one VM
 * @param givenFiles the files (by {@link GuestPath} text) each message's sandboxed file system starts with
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
        Placement placement,
        List<String> citations,
        Diagnostics diagnostics,
        Map<FaasmVm, Expectation> perVm,
        Map<String, byte[]> givenFiles) {

    /** A spec made in code (tests): placed the default way, with no diagnostics and the same results on both VMs. */
    public Spec(String id, Path source, String summary, String function, byte[] input, String cmdline, int hosts,
            Optional<Long> timeoutMs, Map<String, byte[]> givenState, Set<Capability> requires, Expectation expect,
            List<String> tags, boolean consensus, Placement placement) {
        this(id, source, summary, function, input, cmdline, hosts, timeoutMs, givenState, requires, expect, tags, consensus,
                placement, List.of("harness: made in code"), Diagnostics.NONE, Map.of(), Map.of());
    }

    /** A spec made in code (tests), judged against fixed values only. */
    public Spec(String id, Path source, String summary, String function, byte[] input, String cmdline, int hosts,
            Optional<Long> timeoutMs, Map<String, byte[]> givenState, Set<Capability> requires, Expectation expect,
            List<String> tags) {
        this(id, source, summary, function, input, cmdline, hosts, timeoutMs, givenState, requires, expect, tags, false,
                Placement.DEFAULT);
    }

    /** The user every spec's functions run as; state and chaining are scoped to it. */
    public static final String USER = "demo";

    /** What a message must carry on the given VM: {@code expect} with that VM's own fields in place. */
    public Expectation expectOn(FaasmVm vm) {
        Expectation own = perVm.get(vm);
        return own == null ? expect : expect.overriddenBy(own);
    }

    /**
     * The state keys the spec names, expected ones first, then given ones: what every backend reports
     * after a run, so that backends compare like with like.
     */
    public Set<String> stateKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>(expect.state().keySet());
        keys.addAll(givenState.keySet());
        return keys;
    }

    /**
     * The shared files ({@code faasm://…}) the spec expects to exist after the run on the given VM: what a
     * Faasm deployment can be asked for (its file endpoint fails on a missing one).
     */
    public Set<String> expectedSharedFiles(FaasmVm vm) {
        Set<String> paths = new java.util.TreeSet<>();
        expectOn(vm).files().forEach((path, file) -> {
            if (file.value().isPresent() && GuestPath.parse(path).shared()) {
                paths.add(path);
            }
        });
        return paths;
    }

    /**
     * The entry function and every function the spec expects to be chained by name: what a cluster
     * needs uploaded before it can run the spec.
     */
    public Set<String> namedFunctions() {
        Set<String> functions = new java.util.LinkedHashSet<>();
        functions.add(function);
        expect.chained().ifPresent(calls -> addChained(calls, functions));
        perVm.values().forEach(own -> own.chained().ifPresent(calls -> addChained(calls, functions)));
        return functions;
    }

    private static void addChained(List<ChainedCallExpectation> calls, Set<String> functions) {
        for (ChainedCallExpectation call : calls) {
            call.function().ifPresent(functions::add);
            call.chained().ifPresent(nested -> addChained(nested, functions));
        }
    }
}
