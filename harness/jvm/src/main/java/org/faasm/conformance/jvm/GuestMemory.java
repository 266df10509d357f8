package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Memory;
import java.nio.charset.StandardCharsets;

/**
 * Guest memory as seen by one host call: every access is bounds-checked, and a bad pointer or
 * length becomes a trap naming the call rather than a Java exception.
 */
final class GuestMemory {
    private final Memory memory;
    private final String call;

    GuestMemory(Memory memory, String call) {
        this.memory = memory;
        this.call = call;
    }

    long size() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    byte[] read(int ptr, int length) {
        check(ptr, length, "buffer");
        return memory.readBytes(ptr, length);
    }

    void write(int ptr, byte[] data) {
        check(ptr, data.length, "buffer");
        memory.write(ptr, data);
    }

    void writeI32(int ptr, int value) {
        check(ptr, 4, "int pointer");
        memory.writeI32(ptr, value);
    }

    /** Reads a NUL-terminated UTF-8 string; a string that runs off the end of memory is a trap. */
    String cString(int ptr) {
        return new String(cStringBytes(ptr), StandardCharsets.UTF_8);
    }

    /** The bytes of a NUL-terminated string, without the NUL; one that runs off the end of memory is a trap. */
    byte[] cStringBytes(int ptr) {
        check(ptr, 1, "string");
        long end = size();
        for (long at = Integer.toUnsignedLong(ptr); at < end; at++) {
            if (memory.read((int) at) == 0) {
                return memory.readBytes(ptr, (int) (at - Integer.toUnsignedLong(ptr)));
            }
        }
        throw new HostCallTrap(call + ": string at " + hex(ptr) + " has no NUL before the end of memory (" + end + " bytes)");
    }

    /** Checks the range [ptr, ptr+length) lies in memory, with both taken as unsigned 32-bit values. */
    void check(int ptr, int length, String what) {
        long start = Integer.toUnsignedLong(ptr);
        long end = start + Integer.toUnsignedLong(length);
        if (end > size()) {
            throw new HostCallTrap(call + ": " + what + " at " + hex(ptr) + " of " + Integer.toUnsignedString(length)
                    + " bytes is outside guest memory (" + size() + " bytes)");
        }
    }

    private static String hex(int ptr) {
        return "0x" + Integer.toHexString(ptr);
    }
}
