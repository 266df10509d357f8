package org.faasm.conformance.state;

import java.util.BitSet;

/**
 * One key's value in one host's local tier, with the bookkeeping faabric's StateKeyValue keeps
 * (faabric:src/state/StateKeyValue.cpp): its size is fixed when it is created (0 for a value created
 * without one, which no sized call can use); {@code dirty} is the value's dirty flag and
 * {@code dirtyMask} the bytes marked for a partial push, which only chunk writes set; what has been
 * pulled is tracked whole and by byte; and whether the whole value is allocated decides whether a
 * partial push re-pulls it.
 */
final class StateValue {
    /** faabric's HOST_PAGE_SIZE: a value's storage is a whole number of these. */
    static final int HOST_PAGE = 4096;

    final byte[] bytes;
    boolean dirty;
    final BitSet dirtyMask = new BitSet();
    boolean fullyPulled;
    final BitSet pulledMask = new BitSet();
    boolean fullyAllocated;
    final KeyLock lock = new KeyLock();

    StateValue(int size) {
        this.bytes = new byte[size];
    }

    int size() {
        return bytes.length;
    }

    /** The shared memory faabric reserves: the size rounded up to whole host pages. */
    long allocatedSize() {
        return (size() + (long) HOST_PAGE - 1) / HOST_PAGE * HOST_PAGE;
    }

    /** faabric's checkSizeConfigured: a value created without a size refuses sized operations. */
    void checkSized(String key) {
        if (size() == 0) {
            throw new StateException(key + " has no size set");
        }
    }

    /** allocateChunk: the whole value counts as allocated only once one chunk covers all its pages. */
    void allocate(long offset, long length) {
        if (offset == 0 && length == allocatedSize()) {
            fullyAllocated = true;
        }
    }

    boolean isPulled(int offset, int length) {
        return fullyPulled || pulledMask.nextClearBit(offset) >= offset + length;
    }

    /** markDirtyChunk; bytes past the value's end (within its last page) have no mask bytes to mark. */
    void markDirty(int offset, int length) {
        dirty = true;
        int end = Math.min(offset + length, size());
        if (end > offset) {
            dirtyMask.set(offset, end);
        }
    }
}
