package org.faasm.conformance.jvm;

import static org.faasm.conformance.hostinterface.FaasmImport.*;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.state.HostState;

/**
 * The state calls (reference §2.7–2.8, faasm:src/wavm/faasm.cpp:34-396) on the message's host. Keys
 * are NUL-terminated strings; sizes are fixed when a key is first created on a host. Each call first
 * carries guest writes through mappings into the local tier and afterwards shows its key's local value
 * in the mappings again.
 */
final class StateCalls {
    private final MessageContext context;
    private final HostState state;
    private final int owner;

    StateCalls(MessageContext context) {
        this.context = context;
        this.state = context == null ? null : context.state;
        this.owner = context == null ? HostState.NO_MESSAGE : context.message.id();
    }

    Map<FaasmImport, HostCallBody> calls() {
        Map<FaasmImport, HostCallBody> calls = new EnumMap<>(FaasmImport.class);
        calls.put(READ_STATE, keyed(this::readState));
        calls.put(READ_STATE_PTR, keyed(this::readStatePtr));
        calls.put(WRITE_STATE, keyed(this::writeState));
        calls.put(WRITE_STATE_FROM_FILE, keyed(this::writeStateFromFile));
        calls.put(APPEND_STATE, keyed((key, args) -> {
            state.append(owner, key, args.buffer(1, 2));
            return null;
        }));
        calls.put(READ_APPENDED_STATE, keyed(this::readAppendedState));
        calls.put(CLEAR_APPENDED_STATE, keyed((key, args) -> {
            state.clearAppended(owner, key);
            return null;
        }));
        calls.put(WRITE_STATE_OFFSET, keyed(this::writeStateOffset));
        calls.put(READ_STATE_OFFSET, keyed(this::readStateOffset));
        calls.put(READ_STATE_OFFSET_PTR, keyed(this::readStateOffsetPtr));
        calls.put(FLAG_STATE_DIRTY, keyed((key, args) -> {
            state.flagDirty(owner, key, args.i32(1));
            return null;
        }));
        calls.put(FLAG_STATE_OFFSET_DIRTY, keyed((key, args) -> {
            state.flagDirty(owner, key, args.i32(1), args.i32(2), args.i32(3));
            return null;
        }));
        calls.put(PUSH_STATE, keyed((key, args) -> {
            state.push(owner, key);
            return null;
        }));
        calls.put(PUSH_STATE_PARTIAL, keyed((key, args) -> {
            state.pushPartial(owner, key);
            return null;
        }));
        calls.put(PUSH_STATE_PARTIAL_MASK, keyed((key, args) -> {
            state.pushPartialMask(owner, key, args.string(1));
            return null;
        }));
        calls.put(PULL_STATE, keyed((key, args) -> {
            state.pull(owner, key, args.i32(1));
            return null;
        }));
        calls.put(LOCK_STATE_READ, keyed((key, args) -> lock(key, false)));
        calls.put(LOCK_STATE_WRITE, keyed((key, args) -> lock(key, true)));
        calls.put(UNLOCK_STATE_READ, keyed((key, args) -> unlock(key, false)));
        calls.put(UNLOCK_STATE_WRITE, keyed((key, args) -> unlock(key, true)));
        return calls;
    }

    /** Length 0: the size (0 for an unknown key). Otherwise the whole value, whose size is returned. */
    private Integer readState(String key, HostCallArgs args) throws InterruptedException {
        int length = args.i32(2);
        if (length == 0) {
            return state.size(key);
        }
        context.vm.checkBuffer(args.memory, args.i32(1), length, "buffer");
        byte[] value = state.read(owner, key, length);
        args.memory.write(args.i32(1), value);
        return value.length;
    }

    /** Maps the whole value (segment 0..totalLen), then pulls it. */
    private Integer readStatePtr(String key, HostCallArgs args) throws InterruptedException {
        int total = args.i32(1);
        int ptr = context.mapped.map(owner, key, total, 0, total, args.instance.memory(), READ_STATE_PTR.importName());
        state.read(owner, key, total);
        return ptr;
    }

    /**
     * Copies the value's size in bytes from the guest (Faasm ignores a shorter length for an existing key),
     * once the key is looked up (faasm:src/wavm/faasm.cpp:140-145), checking the length the guest gives as its VM does.
     */
    private Integer writeState(String key, HostCallArgs args) throws InterruptedException {
        int length = args.i32(2);
        state.access(key, length);
        context.vm.checkBuffer(args.memory, args.i32(1), length, "buffer");
        state.write(owner, key, args.memory.read(args.i32(1), state.writeSize(key, length)));
        return null;
    }

    /**
     * The file's bytes (read from the message's file system, under the runtime root) as the key's value;
     * returns the file's length. A missing file is faabric's readFileToBytes throwing
     * (faasm:src/wavm/faasm.cpp:240-264, faabric:src/util/files.cpp:26-31).
     */
    private Integer writeStateFromFile(String key, HostCallArgs args) throws InterruptedException {
        String path = args.string(1);
        byte[] bytes = context.files.read(path).orElseThrow(() -> new HostError("Couldn't open file " + path));
        state.write(owner, key, Arrays.copyOf(bytes, state.writeSize(key, bytes.length)));
        return bytes.length;
    }

    /** A sized access with the buffer's length (faasm:src/wavm/faasm.cpp:191). */
    private Integer readAppendedState(String key, HostCallArgs args) throws InterruptedException {
        context.vm.checkBuffer(args.memory, args.i32(1), args.i32(2), "buffer");
        args.memory.write(args.i32(1), state.readAppended(owner, key, args.i32(2), args.i32(3)));
        return null;
    }

    /** The key first, then the guest's data (faasm:src/wavm/faasm.cpp:225-237). */
    private Integer writeStateOffset(String key, HostCallArgs args) throws InterruptedException {
        state.access(key, args.i32(1));
        state.writeOffset(owner, key, args.i32(1), args.i32(2), args.buffer(3, 4));
        return null;
    }

    /** The key first, then the guest's buffer, then the chunk's bounds (faasm:src/wavm/faasm.cpp:326-338). */
    private Integer readStateOffset(String key, HostCallArgs args) throws InterruptedException {
        state.access(key, args.i32(1));
        context.vm.checkBuffer(args.memory, args.i32(3), args.i32(4), "buffer");
        args.memory.write(args.i32(3), state.readOffset(owner, key, args.i32(1), args.i32(2), args.i32(4)));
        return null;
    }

    /** Maps the segment, then pulls only its chunk. */
    private Integer readStateOffsetPtr(String key, HostCallArgs args) throws InterruptedException {
        int total = args.i32(1);
        int offset = args.i32(2);
        int length = args.i32(3);
        int ptr = context.mapped.map(owner, key, total, offset, length, args.instance.memory(), READ_STATE_OFFSET_PTR.importName());
        state.readOffset(owner, key, total, offset, length);
        return ptr;
    }

    private Integer lock(String key, boolean write) throws InterruptedException {
        state.lock(owner, key, write);
        return null;
    }

    private Integer unlock(String key, boolean write) {
        state.unlock(owner, key, write);
        return null;
    }

    /**
     * The call's body with its key read, guest writes through mappings carried in first and the key's
     * mappings refreshed afterwards; a wait the spec's deadline interrupts unwinds the guest.
     */
    private HostCallBody keyed(KeyedCall call) {
        return args -> {
            String key = args.string(0);
            context.mapped.syncFromGuest(args.instance.memory());
            try {
                return call.run(key, args);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GuestInterrupted();
            } finally {
                context.mapped.syncToGuest(key, args.instance.memory());
            }
        };
    }

    @FunctionalInterface
    private interface KeyedCall {
        Integer run(String key, HostCallArgs args) throws InterruptedException;
    }
}
