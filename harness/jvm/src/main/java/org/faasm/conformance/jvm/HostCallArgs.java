package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;

/** The arguments of one host call, with the caller's instance and bounds-checked memory. */
final class HostCallArgs {
    final Instance instance;
    final GuestMemory memory;
    private final long[] raw;

    HostCallArgs(Instance instance, GuestMemory memory, long[] raw) {
        this.instance = instance;
        this.memory = memory;
        this.raw = raw;
    }

    int i32(int index) {
        return (int) raw[index];
    }

    /** A string argument (key, function name). */
    String string(int index) {
        return memory.cString(i32(index));
    }

    /** A buffer given as a pointer argument and a length argument. */
    byte[] buffer(int ptrIndex, int lengthIndex) {
        return memory.read(i32(ptrIndex), i32(lengthIndex));
    }
}
