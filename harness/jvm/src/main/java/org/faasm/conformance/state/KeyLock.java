package org.faasm.conformance.state;

import java.util.HashMap;
import java.util.Map;

/**
 * A key's host-local read-write lock, as faabric's {@code std::shared_mutex} behaves with libstdc++
 * on glibc (faabric:src/state/StateKeyValue.cpp:572-590): not re-entrant; a holder of the write lock
 * asking again, to read or to write, is refused with EDEADLK ("Resource deadlock avoided"), while a
 * reader asking to write waits for itself forever. Readers do not queue behind waiting writers
 * (glibc's default). Owners are messages; the host calls take the lock too, as faabric's do.
 */
final class KeyLock {
    static final String DEADLOCK_AVOIDED = "Resource deadlock avoided";

    private final Map<Integer, Integer> readers = new HashMap<>();
    private Integer writer;

    synchronized void acquire(int owner, boolean write) throws InterruptedException {
        if (writer != null && writer == owner) {
            throw new StateException(DEADLOCK_AVOIDED);
        }
        while (writer != null || (write && !readers.isEmpty())) {
            wait();
        }
        if (write) {
            writer = owner;
        } else {
            readers.merge(owner, 1, Integer::sum);
        }
    }

    /** Releases a hold of {@code owner}; false when it holds none of that kind (undefined in Faasm). */
    synchronized boolean release(int owner, boolean write) {
        if (write) {
            if (writer == null || writer != owner) {
                return false;
            }
            writer = null;
        } else {
            Integer held = readers.get(owner);
            if (held == null) {
                return false;
            }
            if (held == 1) {
                readers.remove(owner);
            } else {
                readers.put(owner, held - 1);
            }
        }
        notifyAll();
        return true;
    }

    /** Runs a host call's own work under the lock faabric takes for it, then releases it. */
    <T> T during(int owner, boolean write, StateWork<T> work) throws InterruptedException {
        acquire(owner, write);
        try {
            return work.run();
        } finally {
            release(owner, write);
        }
    }

    /** As above, for work that answers nothing. */
    void during(int owner, boolean write, Runnable work) throws InterruptedException {
        during(owner, write, () -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    interface StateWork<T> {
        T run();
    }
}
