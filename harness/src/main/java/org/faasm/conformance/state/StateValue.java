package org.faasm.conformance.state;

import java.util.BitSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One key's value in one host's local tier. Its size is fixed when it is created (Faasm's
 * key-value objects never resize).
 */
final class StateValue {
    final byte[] bytes;
    /** The bytes written locally since the last push (Faasm tracks dirty chunks for partial pushes). */
    final BitSet dirty = new BitSet();
    /** Holds the global value (or newer local writes), so reads need not fetch it again. */
    boolean pulled;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    StateValue(int size) {
        this.bytes = new byte[size];
    }

    int size() {
        return bytes.length;
    }

    void markDirty(int from, int to) {
        dirty.set(from, to);
    }

    void markAllDirty() {
        dirty.set(0, bytes.length);
    }
}
