package org.faasm.conformance.observe;

import java.util.List;
import java.util.Map;

/**
 * What one backend saw when it ran one Faasm message (and, through {@link #chained}, every message it
 * chained). Fields a backend cannot observe are empty, never invented.
 *
 * @param funcPtr the function-table index for pointer-chained calls, 0 for an entry point
 * @param returnValue Faasm's Message.returnValue: the exit code, or 1 after an error
 * @param output message-level output: what the guest wrote, replaced by {@code Call failed (return
 *     value=N)} when N is not 0 (reference §2.1)
 * @param error the trap or host error message, empty when {@link #outcome} is RETURNED
 * @param host the logical host index the message ran on
 * @param stateAfter the global state once the whole call tree finished (entry message only)
 * @param trace host calls in the order made; may be empty where a backend has no trace
 * @param console what the environment itself printed while the call tree ran (a browser's console
 *     messages and page errors; entry message only), empty where there is no such thing
 * @param filesAfter every regular file in the message's sandboxed file system once it finished, by guest
 *     path ({@code /a}, {@code faasm://a}); empty where a backend cannot see them
 */
public record Observation(
        String function,
        int funcPtr,
        byte[] input,
        Outcome outcome,
        int returnValue,
        byte[] output,
        String error,
        byte[] stdout,
        byte[] stderr,
        int host,
        List<Observation> chained,
        Map<String, byte[]> stateAfter,
        List<HostCall> trace,
        Timings timings,
        List<String> console,
        Map<String, byte[]> filesAfter) {

    /** An observation from an environment without a console of its own. */
    public Observation(String function, int funcPtr, byte[] input, Outcome outcome, int returnValue, byte[] output,
            String error, byte[] stdout, byte[] stderr, int host, List<Observation> chained, Map<String, byte[]> stateAfter,
            List<HostCall> trace, Timings timings) {
        this(function, funcPtr, input, outcome, returnValue, output, error, stdout, stderr, host, chained, stateAfter,
                trace, timings, List.of(), Map.of());
    }

    /** Faasm's text for a non-zero return value, which replaces the output. */
    public static byte[] callFailedOutput(int returnValue) {
        return ("Call failed (return value=" + returnValue + ")").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * faabric's executor text for a message whose task threw a C++ exception past the VM (a host
     * error; a trap on WAMR): faabric:src/executor/Executor.cpp:445-448.
     */
    public static byte[] threwExceptionOutput(int messageId, String what) {
        return ("Task " + Integer.toUnsignedString(messageId) + " threw exception. What: " + what)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * How the message ended as Faasm reports it, read from what a Faasm message carries (return value
     * and output), so that backends with and without diagnostics compare alike.
     */
    public FaasmResult faasmResult() {
        return FaasmResult.of(returnValue, output);
    }

    public Observation withStateAfter(Map<String, byte[]> state) {
        return new Observation(function, funcPtr, input, outcome, returnValue, output, error, stdout, stderr, host,
                chained, state, trace, timings, console, filesAfter);
    }

    public Observation withConsole(List<String> lines) {
        return new Observation(function, funcPtr, input, outcome, returnValue, output, error, stdout, stderr, host,
                chained, stateAfter, trace, timings, List.copyOf(lines), filesAfter);
    }

    public Observation withFilesAfter(Map<String, byte[]> files) {
        return new Observation(function, funcPtr, input, outcome, returnValue, output, error, stdout, stderr, host,
                chained, stateAfter, trace, timings, console,
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files)));
    }
}
