package org.faasm.conformance.jvm;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One message on a {@link MessagePool}: its result, and a way to stop it. Its result is complete only
 * once the task has returned, so waiting for it is waiting for the guest to stop.
 */
public final class PooledRun<T> {
    private final Callable<T> task;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private Thread runner;
    private boolean cancelled;

    public PooledRun(Callable<T> task) {
        this.task = task;
    }

    public CompletableFuture<T> result() {
        return result;
    }

    /** Interrupts the task, now or as it starts; the guest unwinds at its next check. */
    public synchronized void cancel() {
        cancelled = true;
        if (runner != null) {
            runner.interrupt();
        }
    }

    /** Waits up to {@code grace} for the task to end, even when the calling thread has been interrupted. */
    public boolean awaitStopped(Duration grace) {
        boolean interrupted = Thread.interrupted();
        try {
            result.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs on a pool thread; {@code release} frees the slot once the task is over. */
    void run(Runnable release) {
        try {
            synchronized (this) {
                runner = Thread.currentThread();
                // Cancelled before it started: it still runs, interrupted from the start, so its owner
                // records how it ended like any other stopped message.
                if (cancelled) {
                    runner.interrupt();
                }
            }
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        } finally {
            synchronized (this) {
                runner = null;
                // An interrupt meant for this task must not reach the pool thread's next one.
                Thread.interrupted();
            }
            release.run();
        }
    }
}
