package org.faasm.conformance.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.jvm.ChainBudget;
import org.faasm.conformance.jvm.RunLimits;

/** One app in the planner: the worker it runs on, what it may still chain, its messages and their results. */
final class App {
    final int worker;
    final ChainBudget budget;
    final Map<Integer, ScheduledMessage> messages = new ConcurrentHashMap<>();
    final Map<Integer, List<Integer>> chainedIds = new ConcurrentHashMap<>();
    final List<MessageResult> results = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();

    App(int worker, RunLimits limits) {
        this.worker = worker;
        this.budget = new ChainBudget(limits);
    }

    boolean isFinished() {
        return inFlight.get() == 0;
    }
}
