package org.faasm.conformance.jvm;

/**
 * What one spec's guests may start, so that a function chaining itself without end ends in a verdict
 * rather than in thousands of threads or an OutOfMemoryError. A chained call past a limit fails at
 * once in the message that made it, as a host error naming the limit ({@link ChainRefused}).
 *
 * <p>Faasm has no such limits: its planner has a fixed number of slots per worker, and a chained call
 * that finds none is silently never scheduled, so its caller's await returns 0 only after the 300 s
 * chained-call timeout (reference §2.4, §2.5). The harness refuses the call instead, so the spec ends
 * with a result that names the cause rather than with a TIMEOUT that names nothing.
 *
 * @param chainedCallsPerApp chained calls one app (one spec's run) may make in all
 * @param chainDepth how deep chained calls may nest: the entry is depth 0, its children depth 1
 * @param concurrentMessages guest messages one backend (or embedded cluster) runs at once, each on a pool thread
 */
public record RunLimits(int chainedCallsPerApp, int chainDepth, int concurrentMessages) {
    public static final RunLimits DEFAULT = new RunLimits(256, 16, 32);

    public RunLimits {
        if (chainedCallsPerApp < 1 || chainDepth < 1) {
            throw new IllegalArgumentException("chained-call limits must be positive");
        }
        // A chain that awaits each level holds a message per level: it must meet the depth limit, which
        // names the cause, before it fills the pool.
        if (concurrentMessages <= chainDepth + 1) {
            throw new IllegalArgumentException("concurrentMessages (" + concurrentMessages
                    + ") must exceed chainDepth + 1 (" + (chainDepth + 1) + ")");
        }
    }
}
