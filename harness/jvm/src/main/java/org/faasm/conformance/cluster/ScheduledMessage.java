package org.faasm.conformance.cluster;

import java.util.concurrent.Future;
import java.util.function.Function;
import org.faasm.conformance.jvm.Message;
import org.faasm.conformance.jvm.PooledRun;

/** A message the planner scheduled: its run on the message pool, its deadline, and why it was stopped, if it was. */
final class ScheduledMessage {
    final Message message;
    final PooledRun<MessageResult> run;
    private volatile String stopReason;
    private volatile Future<?> deadline;

    ScheduledMessage(Message message, Function<ScheduledMessage, MessageResult> body) {
        this.message = message;
        this.run = new PooledRun<>(() -> body.apply(this));
    }

    void deadline(Future<?> timer) {
        this.deadline = timer;
    }

    /** Stops the guest; the first reason given is the one its result reports. */
    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        run.cancel();
    }

    /** Why it was stopped, or {@code fallback} when nobody stopped it. */
    String stopReason(String fallback) {
        String reason = stopReason;
        return reason != null ? reason : fallback;
    }

    /** It ended: its deadline no longer matters. */
    void ended() {
        Future<?> timer = deadline;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    boolean isDone() {
        return run.result().isDone();
    }
}
