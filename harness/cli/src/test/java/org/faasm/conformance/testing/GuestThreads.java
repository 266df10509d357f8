package org.faasm.conformance.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the threads of a pool by their name prefix: how many run a guest now, and the most seen alive while sampling. */
public final class GuestThreads implements AutoCloseable {
    private final String prefix;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final Thread sampler;

    private GuestThreads(String prefix) {
        this.prefix = prefix;
        this.sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(alive(prefix), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "guest-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the threads named {@code prefix…}. */
    public static GuestThreads sample(String prefix) {
        return new GuestThreads(prefix);
    }

    public int peak() {
        return Math.max(peak.get(), alive(prefix));
    }

    /** Threads named {@code prefix…} that are executing guest code (Chicory) right now; idle pool threads park. */
    public static int runningGuests(String prefix) {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(prefix))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("com.dylibso")))
                .count();
    }

    /** Waits up to {@code deadline} for no thread named {@code prefix…} to run a guest; true when none does. */
    public static boolean awaitNoGuest(String prefix, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (runningGuests(prefix) > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static int alive(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }

    @Override
    public void close() throws InterruptedException {
        sampling.set(false);
        sampler.join();
    }
}
