package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.hostinterface.ArgKind;
import org.faasm.conformance.hostinterface.FaasmImport;

/** Renders a Faasm call's raw i32 arguments for the trace: strings read, ids and lengths unsigned. */
final class ArgumentDecoder {
    private ArgumentDecoder() {}

    static List<String> decode(FaasmImport call, GuestMemory memory, long[] args) {
        List<String> decoded = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            ArgKind kind = i < call.params().size() ? call.params().get(i) : ArgKind.INT;
            decoded.add(decode(kind, (int) args[i], memory));
        }
        return decoded;
    }

    private static String decode(ArgKind kind, int value, GuestMemory memory) {
        return switch (kind) {
            case CSTRING -> string(value, memory);
            case POINTER -> "0x" + Integer.toHexString(value);
            case LENGTH, CALL_ID -> Integer.toUnsignedString(value);
            case INT -> Integer.toString(value);
        };
    }

    private static String string(int ptr, GuestMemory memory) {
        try {
            return '"' + memory.cString(ptr) + '"';
        } catch (HostCallTrap e) {
            return "<bad string pointer 0x" + Integer.toHexString(ptr) + ">";
        }
    }
}
