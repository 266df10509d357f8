package org.faasm.conformance.bench;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The in-process counterpart of the loops in func/bench/native_main.c and run_v8.mjs: same warm-up,
 * same budget rule, same check that every call returns the same checksum.
 */
final class TimedLoop {

    private TimedLoop() {
    }

    static Measurement run(IntUnaryOperator kernel, RunPlan plan, String detail) {
        long budgetNs = plan.budgetMillis() * 1_000_000L;
        int checksum = 0;
        int warmed = 0;
        long warmupNs = plan.warmupMillis() * 1_000_000L;
        long start = System.nanoTime();
        for (long t = 0; (warmed < plan.warmup() || t < warmupNs) && t < budgetNs; t = System.nanoTime() - start) {
            checksum = kernel.applyAsInt(plan.n());
            warmed++;
        }
        long[] samples = new long[plan.iterations()];
        int taken = 0;
        start = System.nanoTime();
        while (taken < plan.iterations() && (taken == 0 || System.nanoTime() - start < budgetNs)) {
            long t0 = System.nanoTime();
            int c = kernel.applyAsInt(plan.n());
            samples[taken++] = System.nanoTime() - t0;
            if ((warmed > 0 || taken > 1) && c != checksum) {
                return Measurement.error("checksum changed between calls: " + checksum + " then " + c);
            }
            checksum = c;
        }
        return Measurement.ok(checksum, plan.n(), warmed, Arrays.copyOf(samples, taken), detail);
    }
}
