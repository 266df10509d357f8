package org.faasm.conformance.bench;

/**
 * How many calls to make. Warm-up runs until at least {@code warmup} calls and {@code warmupMillis}
 * have passed (JIT tiers compile in the background, so a call count alone can stop too early), then
 * up to {@code iterations} timed calls. Each phase also stops once {@code budgetMillis} is spent, so
 * slow engines (the interpreter) finish in bounded time; the timed phase takes at least one sample.
 */
public record RunPlan(int n, int warmup, long warmupMillis, int iterations, long budgetMillis) {

    public RunPlan {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1");
        }
        if (warmup < 0 || warmupMillis < 0 || budgetMillis < 0) {
            throw new IllegalArgumentException("warmup and budget must be >= 0");
        }
    }

    /** The arguments native_main.c and run_v8.mjs take after the module: n warmup warmup_ms iterations budget_ms. */
    java.util.List<String> toolArgs() {
        return java.util.List.of(Integer.toString(n), Integer.toString(warmup), Long.toString(warmupMillis),
                Integer.toString(iterations), Long.toString(budgetMillis));
    }
}
