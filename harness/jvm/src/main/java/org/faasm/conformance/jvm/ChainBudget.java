package org.faasm.conformance.jvm;

import java.util.concurrent.atomic.AtomicInteger;

/** What one app may still chain under the run limits; every message of the app draws on it. */
public final class ChainBudget {
    private final RunLimits limits;
    private final AtomicInteger made = new AtomicInteger();

    public ChainBudget(RunLimits limits) {
        this.limits = limits;
    }

    /** Admits a call chained by {@code parent} and reserves its slot in {@code pool}, or says which limit refuses it. */
    public void admit(Message parent, MessagePool pool) {
        if (parent.depth() >= limits.chainDepth()) {
            throw ChainRefused.tooDeep(limits);
        }
        if (made.incrementAndGet() > limits.chainedCallsPerApp()) {
            throw ChainRefused.tooMany(limits);
        }
        if (!pool.reserve(1)) {
            throw ChainRefused.noSlot(limits);
        }
    }
}
