package org.faasm.conformance.cluster;

import java.util.List;
import org.faasm.conformance.jvm.Message;
import org.faasm.conformance.observe.Observation;

/** A finished message as the planner stores it: what ran, what it produced, when and where. */
record MessageResult(Message message, Observation observation, long startMillis, long finishMillis,
        String executedHost, List<Integer> chainedIds) {}
