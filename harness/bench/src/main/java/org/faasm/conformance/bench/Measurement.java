package org.faasm.conformance.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * One column's result for one row: either timed samples (plus the kernel's checksum for kernels), or
 * the reason there are none. Samples are nanoseconds: per call at the row's n for kernels, per pass
 * or per fresh backend for the suite and cold-start sections.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(
        Status status,
        String reason,
        Integer checksum,
        Integer n,
        Integer warmupCalls,
        List<Long> samplesNs,
        Long medianNs,
        String method,
        String detail) {

    public enum Status { OK, UNAVAILABLE, ERROR }

    public static Measurement ok(int checksum, int n, int warmupCalls, long[] samplesNs, String detail) {
        String method = "median of " + samplesNs.length + " call" + (samplesNs.length == 1 ? "" : "s")
                + " after " + warmupCalls + " warm-up call" + (warmupCalls == 1 ? "" : "s");
        return timed(checksum, n, warmupCalls, samplesNs, method, detail);
    }

    /** Samples with no kernel behind them (a suite pass, a cold start): checksum and n may be null. */
    public static Measurement timed(Integer checksum, Integer n, Integer warmupCalls, long[] samplesNs,
            String method, String detail) {
        if (samplesNs.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = samplesNs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        long median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Measurement(Status.OK, null, checksum, n, warmupCalls,
                Arrays.stream(samplesNs).boxed().toList(), median, method, detail);
    }

    public static Measurement unavailable(String reason) {
        return new Measurement(Status.UNAVAILABLE, reason, null, null, null, null, null, null, null);
    }

    public static Measurement error(String reason) {
        return new Measurement(Status.ERROR, reason, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isOk() {
        return status == Status.OK;
    }
}
