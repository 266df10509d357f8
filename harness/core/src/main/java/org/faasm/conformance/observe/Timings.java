package org.faasm.conformance.observe;

/** Where the time of one message went, in nanoseconds; 0 where a backend cannot tell. */
public record Timings(long instantiateNanos, long executeNanos) {
    public static final Timings NONE = new Timings(0, 0);
}
