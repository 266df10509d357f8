package org.faasm.conformance.jvm;

import static org.faasm.conformance.hostinterface.FaasmImport.*;

import java.util.EnumMap;
import java.util.Map;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.state.HostState;

/**
 * The state calls (reference §2.7–2.8) on the message's host. Keys are NUL-terminated strings; sizes
 * are fixed when a key is first created on a host.
 */
final class StateCalls {
    private final MessageContext context;
    private final HostState state;

    StateCalls(MessageContext context) {
        this.context = context;
        this.state = context == null ? null : context.state;
    }

    Map<FaasmImport, HostCallBody> calls() {
        Map<FaasmImport, HostCallBody> calls = new EnumMap<>(FaasmImport.class);
        calls.put(READ_STATE, this::readState);
        calls.put(READ_STATE_PTR, this::readStatePtr);
        calls.put(WRITE_STATE, this::writeState);
        calls.put(APPEND_STATE, this::appendState);
        calls.put(READ_APPENDED_STATE, this::readAppendedState);
        calls.put(CLEAR_APPENDED_STATE, this::clearAppendedState);
        calls.put(WRITE_STATE_OFFSET, this::writeStateOffset);
        calls.put(READ_STATE_OFFSET, this::readStateOffset);
        calls.put(READ_STATE_OFFSET_PTR, this::readStateOffsetPtr);
        calls.put(FLAG_STATE_DIRTY, this::flagStateDirty);
        calls.put(FLAG_STATE_OFFSET_DIRTY, this::flagStateOffsetDirty);
        calls.put(PUSH_STATE, this::pushState);
        calls.put(PUSH_STATE_PARTIAL, this::pushStatePartial);
        calls.put(PUSH_STATE_PARTIAL_MASK, this::pushStatePartialMask);
        calls.put(PULL_STATE, this::pullState);
        calls.put(LOCK_STATE_READ, args -> lock(args, false));
        calls.put(LOCK_STATE_WRITE, args -> lock(args, true));
        calls.put(UNLOCK_STATE_READ, args -> unlock(args, false));
        calls.put(UNLOCK_STATE_WRITE, args -> unlock(args, true));
        return calls;
    }

    /** Length 0: the size (0 for an unknown key). Otherwise the whole value, whose size is returned. */
    private Integer readState(HostCallArgs args) {
        String key = key(args);
        int length = args.i32(2);
        if (length == 0) {
            return state.size(key);
        }
        args.memory.check(args.i32(1), length, "buffer");
        byte[] value = state.read(key, length);
        args.memory.write(args.i32(1), value);
        return value.length;
    }

    private Integer readStatePtr(HostCallArgs args) {
        return context.mapped.map(key(args), args.i32(1), args.instance.memory(), READ_STATE_PTR.importName());
    }

    /** Copies the value's size in bytes from the guest (Faasm ignores a shorter length for an existing key). */
    private Integer writeState(HostCallArgs args) {
        String key = key(args);
        int length = args.i32(2);
        args.memory.check(args.i32(1), length, "buffer");
        state.write(key, args.memory.read(args.i32(1), state.writeSize(key, length)));
        context.mapped.syncToGuest(key, args.instance.memory());
        return null;
    }

    private Integer appendState(HostCallArgs args) {
        state.append(key(args), args.buffer(1, 2));
        return null;
    }

    private Integer readAppendedState(HostCallArgs args) {
        String key = key(args);
        args.memory.check(args.i32(1), args.i32(2), "buffer");
        byte[] joined = state.readAppended(key, args.i32(3));
        args.memory.write(args.i32(1), joined);
        return null;
    }

    private Integer clearAppendedState(HostCallArgs args) {
        state.clearAppended(key(args));
        return null;
    }

    private Integer writeStateOffset(HostCallArgs args) {
        String key = key(args);
        state.writeOffset(key, args.i32(1), args.i32(2), args.buffer(3, 4));
        context.mapped.syncToGuest(key, args.instance.memory());
        return null;
    }

    private Integer readStateOffset(HostCallArgs args) {
        String key = key(args);
        args.memory.check(args.i32(3), args.i32(4), "buffer");
        args.memory.write(args.i32(3), state.readOffset(key, args.i32(1), args.i32(2), args.i32(4)));
        return null;
    }

    private Integer readStateOffsetPtr(HostCallArgs args) {
        String key = key(args);
        int offset = args.i32(2);
        state.readOffset(key, args.i32(1), offset, args.i32(3));
        return context.mapped.map(key, args.i32(1), args.instance.memory(), READ_STATE_OFFSET_PTR.importName()) + offset;
    }

    private Integer flagStateDirty(HostCallArgs args) {
        state.flagDirty(key(args), args.i32(1));
        return null;
    }

    private Integer flagStateOffsetDirty(HostCallArgs args) {
        state.flagDirty(key(args), args.i32(1), args.i32(2), args.i32(3));
        return null;
    }

    private Integer pushState(HostCallArgs args) {
        state.push(key(args));
        return null;
    }

    private Integer pushStatePartial(HostCallArgs args) {
        String key = key(args);
        state.pushPartial(key, null);
        context.mapped.syncToGuest(key, args.instance.memory());
        return null;
    }

    private Integer pushStatePartialMask(HostCallArgs args) {
        String key = key(args);
        state.pushPartial(key, args.string(1));
        context.mapped.syncToGuest(key, args.instance.memory());
        return null;
    }

    private Integer pullState(HostCallArgs args) {
        String key = key(args);
        state.pull(key, args.i32(1));
        context.mapped.syncToGuest(key, args.instance.memory());
        return null;
    }

    private Integer lock(HostCallArgs args, boolean write) {
        state.lock(key(args), write);
        return null;
    }

    private Integer unlock(HostCallArgs args, boolean write) {
        state.unlock(key(args), write);
        return null;
    }

    /** Reads the key and first carries guest writes through mapped pointers into the local tier. */
    private String key(HostCallArgs args) {
        String key = args.string(0);
        context.mapped.syncFromGuest(args.instance.memory());
        return key;
    }
}
