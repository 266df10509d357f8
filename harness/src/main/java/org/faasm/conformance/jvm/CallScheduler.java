package org.faasm.conformance.jvm;

import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.state.HostState;

/**
 * Where a running message's chained calls go and whose state tiers it sees: the per-spec
 * {@link JvmCluster}, or an embedded cluster behind Faasm's HTTP API.
 */
public interface CallScheduler {

    /** {@code user}'s local state tier on logical host {@code index}; state is always scoped to a user. */
    HostState host(String user, int index);

    /** Submits a chained call (same user and app as {@code parent}) and returns its id at once. */
    int chain(Message parent, String function, int funcPtr, byte[] input);

    /** Waits for a chained call's result. */
    Observation await(int id) throws InterruptedException;
}
