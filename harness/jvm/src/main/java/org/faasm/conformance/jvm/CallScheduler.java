package org.faasm.conformance.jvm;

import java.util.Optional;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.state.HostState;

/**
 * Where a running message's chained calls go and whose state tiers it sees: the per-spec
 * {@link JvmCluster}, or an embedded cluster behind Faasm's HTTP API.
 */
public interface CallScheduler {

    /** {@code user}'s local state tier on logical host {@code index}; state is always scoped to a user. */
    HostState host(String user, int index);

    /**
     * Submits a chained call (same user and app as {@code parent}) and returns its id at once.
     *
     * @throws ChainRefused when the run limits do not allow it
     */
    int chain(Message parent, String function, int funcPtr, byte[] input);

    /** Waits for the result of a call a message of app {@code appId} chained (the harness collecting its children). */
    Observation await(int appId, int id) throws InterruptedException;

    /**
     * A guest's await: the result of message {@code id} of app {@code appId}, whoever chained it, or
     * empty when none comes within the chained-call timeout, as faabric's planner client then returns
     * an EMPTY message (faabric:src/planner/PlannerClient.cpp:248-253).
     */
    Optional<Observation> awaitResult(int appId, int id) throws InterruptedException;
}
