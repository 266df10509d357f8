package org.faasm.conformance.jvm;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.faasm.conformance.support.DaemonThreads;

/**
 * The threads guest messages run on: at most {@code slots} at once, one thread each. A message takes
 * a slot before it is started and frees it when it ends; when none is free the caller is told at
 * once, never queued behind messages that may be waiting for it.
 */
public final class MessagePool implements AutoCloseable {
    /** Idle threads end after this, so a pool between specs holds none. */
    private static final long IDLE_SECONDS = 1;

    private final Semaphore free;
    private final ThreadPoolExecutor threads;

    public MessagePool(String threadPrefix, int slots) {
        this.free = new Semaphore(slots);
        this.threads = new ThreadPoolExecutor(slots, slots, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named(threadPrefix));
        threads.allowCoreThreadTimeOut(true);
    }

    /** Takes {@code count} slots, all or none. */
    public boolean reserve(int count) {
        return free.tryAcquire(count);
    }

    /** Starts a run in a slot already reserved for it. */
    public void start(PooledRun<?> run) {
        threads.execute(() -> run.run(free::release));
    }

    /** Interrupts every running message; for tests and shutdown, as specs cancel their own. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
