package org.faasm.conformance.bench;

import java.util.Arrays;

/** Summary statistics of one suite pass: the wall time of each spec, in nanoseconds. */
record PassStats(long total, long mean, long median, long p95, long max) {

    /** @param totalNs the pass's wall time (a little more than the sum: the loop itself) */
    static PassStats of(long[] perSpecNs, long totalNs) {
        if (perSpecNs.length == 0) {
            throw new IllegalArgumentException("a pass with no specs");
        }
        long[] sorted = perSpecNs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        // Nearest-rank percentile: the smallest value with at least 95% of the specs at or below it.
        long p95 = sorted[(int) Math.ceil(0.95 * n) - 1];
        return new PassStats(totalNs, Arrays.stream(sorted).sum() / n, median, p95, sorted[n - 1]);
    }
}
