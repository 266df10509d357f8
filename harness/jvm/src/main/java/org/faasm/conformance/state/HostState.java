package org.faasm.conformance.state;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One logical host's local state tier and what Faasm's state host calls do to it (reference §2.7–2.8,
 * faabric:src/state/StateKeyValue.cpp and InMemoryStateKeyValue.cpp). Every Faaslet on the host shares
 * it; it outlives invocations. All hosts of a cluster synchronise on their {@link GlobalState}, so hosts
 * copying to and from each other cannot deadlock; a call waits for its key's {@link KeyLock} before that,
 * as faabric's calls take the value's mutex. {@code owner} is the message making the call.
 */
public final class HostState {
    /** The owner of calls no message makes (the upload server's own reads and writes). */
    public static final int NO_MESSAGE = 0;

    private final String name;
    private final GlobalState global;
    private final Map<String, StateValue> values = new HashMap<>();

    public HostState(String name, GlobalState global) {
        this.name = name;
        this.global = global;
    }

    public String name() {
        return name;
    }

    /** Size query: the local size if cached, else the global size, else 0 for an unknown key. */
    public int size(String key) {
        synchronized (global) {
            StateValue local = values.get(key);
            if (local != null) {
                return local.size();
            }
            return global.mainOf(key).map(main -> main.localSize(key)).orElse(0);
        }
    }

    /**
     * The sized access alone (faabric's getKV): Faasm's WAVM makes it before it checks the guest's buffer
     * in write_state and the offset calls, so a key that cannot be created fails first
     * (faasm:src/wavm/faasm.cpp:140-145, 225-235, 326-337).
     */
    public void access(String key, int size) {
        sized(key, size);
    }

    /** {@code read_state} (get): lazily pulls the whole value, then returns it (its own size, not {@code size}). */
    public byte[] read(int owner, String key, int size) throws InterruptedException {
        StateValue value = sized(key, size);
        return readWhole(owner, key, value);
    }

    /** {@code write_state} (set): replaces the local value and sets its dirty flag; no bytes are marked. */
    public void write(int owner, String key, byte[] data) throws InterruptedException {
        StateValue value = sized(key, data.length);
        value.checkSized(key);
        value.lock.during(owner, true, () -> {
            synchronized (global) {
                value.allocate(0, value.allocatedSize());
                System.arraycopy(data, 0, value.bytes, 0, value.size());
                value.fullyPulled = true;
                value.dirty = true;
            }
        });
    }

    /** The size {@code write_state(key, data, length)} will copy: the existing size, else {@code length}. */
    public int writeSize(String key, int length) {
        synchronized (global) {
            StateValue local = values.get(key);
            return local != null ? local.size() : length;
        }
    }

    /**
     * {@code write_state_offset} (setChunk): bounded by the page-rounded allocation, not the size; marks
     * the chunk dirty. Bytes past the value's end land in its last page, which only a mapping shows.
     */
    public void writeOffset(int owner, String key, int totalSize, int offset, byte[] data) throws InterruptedException {
        StateValue value = sized(key, totalSize);
        value.checkSized(key);
        value.lock.during(owner, true, () -> {
            if (offset < 0 || offset + (long) data.length > value.allocatedSize()) {
                throw new StateException("Attempting to set chunk out of bounds");
            }
            synchronized (global) {
                value.allocate(offset, data.length);
                copyWithinValue(data, value, offset);
                value.markDirty(offset, data.length);
            }
        });
    }

    /** {@code read_state_offset} (getChunk): pulls only that chunk, unless it was pulled already. */
    public byte[] readOffset(int owner, String key, int totalSize, int offset, int length) throws InterruptedException {
        StateValue value = sized(key, totalSize);
        value.checkSized(key);
        if (offset < 0 || length < 0 || offset + (long) length > value.size()) {
            throw new StateException("Out of bounds chunk");
        }
        return value.lock.during(owner, !value.isPulled(offset, length), () -> {
            synchronized (global) {
                if (!value.isPulled(offset, length)) {
                    value.allocate(offset, length);
                    HostState main = mainOf(key);
                    if (main != this) {
                        main.copyGlobalRange(key, value.bytes, offset, length);
                    }
                    value.pulledMask.set(offset, offset + length);
                }
                return Arrays.copyOfRange(value.bytes, offset, offset + length);
            }
        });
    }

    /**
     * mapSharedMemory: a new mapping of {@code [offset, offset + length)} allocates the host pages it
     * covers (faabric:src/state/StateKeyValue.cpp:252-302); the caller then pulls what it maps.
     */
    public void mapPages(int owner, String key, int totalSize, int offset, int length) throws InterruptedException {
        StateValue value = sized(key, totalSize);
        value.checkSized(key);
        if (offset < 0 || length < 0) {
            throw new StateException("Failed mapping shared memory");
        }
        long firstPage = offset / StateValue.HOST_PAGE;
        long endPage = (offset + (long) length + StateValue.HOST_PAGE - 1) / StateValue.HOST_PAGE;
        value.lock.during(owner, true, () -> {
            synchronized (global) {
                value.allocate(firstPage * StateValue.HOST_PAGE, (endPage - firstPage) * StateValue.HOST_PAGE);
            }
        });
    }

    /** Guest bytes written through a mapping at {@code offset}: they change the local value, and are not dirty. */
    public void writeMapped(String key, int offset, byte[] data) {
        synchronized (global) {
            StateValue value = existing(key, "mapped write");
            copyWithinValue(data, value, offset);
        }
    }

    /** This host's current bytes of {@code key}, as a mapping shows them: no pull, no lock. */
    public byte[] local(String key) {
        synchronized (global) {
            return existing(key, "mapped read").bytes.clone();
        }
    }

    /** {@code push_state} (pushFull): uploads the value if its dirty flag is set, then clears flag and mask. */
    public void push(int owner, String key) throws InterruptedException {
        StateValue value = existing(key, "push_state");
        value.checkSized(key);
        if (!value.dirty) {
            return;
        }
        value.lock.during(owner, true, () -> {
            synchronized (global) {
                if (value.dirty) {
                    HostState main = mainOf(key);
                    if (main != this) {
                        main.storeGlobal(key, value.bytes);
                    }
                    value.dirty = false;
                    value.dirtyMask.clear();
                }
            }
        });
    }

    /** {@code pull_state}: always refetches the whole value, overwriting unpushed local writes (a no-op on the main). */
    public void pull(int owner, String key, int size) throws InterruptedException {
        StateValue value = sized(key, size);
        value.checkSized(key);
        value.lock.during(owner, true, () -> {
            synchronized (global) {
                pullWhole(key, value);
            }
        });
    }

    /** {@code flag_state_dirty} (flagDirty): sets the value's dirty flag; the dirty mask is untouched. */
    public void flagDirty(int owner, String key, int totalSize) throws InterruptedException {
        StateValue value = sized(key, totalSize);
        value.lock.during(owner, false, () -> {
            synchronized (global) {
                value.dirty = true;
            }
        });
    }

    /**
     * {@code flag_state_offset_dirty} (flagChunkDirty): marks a chunk for the next partial push, fetching
     * nothing. faabric does not check the range (a chunk past the end writes past its mask); a negative one
     * is refused here.
     */
    public void flagDirty(int owner, String key, int totalSize, int offset, int length) throws InterruptedException {
        StateValue value = sized(key, totalSize);
        value.checkSized(key);
        if (offset < 0 || length < 0) {
            throw new StateException("Out of bounds chunk");
        }
        value.lock.during(owner, false, () -> {
            synchronized (global) {
                value.markDirty(offset, length);
            }
        });
    }

    /**
     * {@code push_state_partial} (faabric:src/state/StateKeyValue.cpp:409-415, 510-543): nothing when
     * the value's dirty flag is clear; otherwise sends the bytes marked in the dirty mask, clears it, and
     * re-pulls the whole value if it is all allocated, discarding local writes that were not marked.
     */
    public void pushPartial(int owner, String key) throws InterruptedException {
        StateValue value = existing(key, "push_state_partial");
        value.checkSized(key);
        pushMarked(owner, key, value, () -> {
            BitSet marked = (BitSet) value.dirtyMask.clone();
            value.dirtyMask.clear();
            return marked;
        });
    }

    /**
     * {@code push_state_partial_mask} (faabric:src/state/StateKeyValue.cpp:394-407, 510-543): the mask
     * value must have the value's size; it is pulled if needed, its non-zero bytes choose what is sent,
     * and it is zeroed afterwards (locally; on the mask's main that is the global copy).
     */
    public void pushPartialMask(int owner, String key, String maskKey) throws InterruptedException {
        StateValue value = existing(key, "push_state_partial_mask");
        StateValue mask = existing(maskKey, "push_state_partial_mask");
        if (mask.size() != value.size()) {
            throw new StateException("Different sizes: mask=" + mask.size() + " and value=" + value.size());
        }
        readWhole(owner, maskKey, mask);
        pushMarked(owner, key, value, () -> {
            BitSet marked = new BitSet(mask.size());
            for (int i = 0; i < mask.size(); i++) {
                marked.set(i, mask.bytes[i] != 0);
            }
            Arrays.fill(mask.bytes, (byte) 0);
            return marked;
        });
    }

    private void pushMarked(int owner, String key, StateValue value, Supplier<BitSet> takeMarks)
            throws InterruptedException {
        if (!value.dirty) {
            return;
        }
        value.lock.during(owner, true, () -> {
            synchronized (global) {
                if (!value.dirty) {
                    return;
                }
                BitSet marked = takeMarks.get();
                HostState main = mainOf(key);
                if (main != this) {
                    main.storeGlobalBytes(key, value.bytes, marked);
                    if (value.fullyAllocated) {
                        main.copyGlobalRange(key, value.bytes, 0, value.size());
                    }
                }
                value.dirty = false;
            }
        });
    }

    /**
     * {@code append_state}: a sizeless access, so the key's local value is created without a size (this
     * host claims its main if it has none, faabric:src/state/InMemoryStateKeyValue.cpp:58-66); the
     * value goes to the main's list.
     */
    public void append(int owner, String key, byte[] data) throws InterruptedException {
        StateValue value = sizeless(key);
        value.lock.during(owner, true, () -> {
            global.append(key, data);
        });
    }

    /** {@code read_appended_state}: a sized access with the buffer's length, then the main's first {@code count} values. */
    public byte[] readAppended(int owner, String key, int bufferLength, int count) throws InterruptedException {
        StateValue value = sized(key, bufferLength);
        return value.lock.during(owner, false, () -> global.readAppended(key, count));
    }

    /** {@code clear_appended_state}: a sizeless access, then the main's list is cleared. */
    public void clearAppended(int owner, String key) throws InterruptedException {
        StateValue value = sizeless(key);
        value.lock.during(owner, false, () -> {
            global.clearAppended(key);
        });
    }

    /** {@code lock_state_read}/{@code lock_state_write}: takes the value's host-local lock for {@code owner}. */
    public void lock(int owner, String key, boolean write) throws InterruptedException {
        existing(key, write ? "lock_state_write" : "lock_state_read").lock.acquire(owner, write);
    }

    public void unlock(int owner, String key, boolean write) {
        StateValue value = existing(key, write ? "unlock_state_write" : "unlock_state_read");
        if (!value.lock.release(owner, write)) {
            throw new StateException("unlock of '" + key + "' that this message does not hold");
        }
    }

    /** Seeds a global value as the upload server does for {@code PUT /s/}: this host becomes main. */
    public void putGlobal(String key, byte[] data) {
        synchronized (global) {
            StateValue value = sized(key, data.length);
            System.arraycopy(data, 0, value.bytes, 0, value.size());
            value.fullyPulled = true;
            mainOf(key).storeGlobal(key, value.bytes);
        }
    }

    /** Copies the part of {@code data} at {@code offset} that lies within the value; bytes past its end are not kept. */
    private static void copyWithinValue(byte[] data, StateValue value, int offset) {
        int kept = Math.min(data.length, value.size() - offset);
        if (kept > 0) {
            System.arraycopy(data, 0, value.bytes, offset, kept);
        }
    }

    // ---- faabric's State::getKV ----

    /** Sized access: the local value, created with {@code size} bytes if absent (size 0 cannot create one). */
    private StateValue sized(String key, int size) {
        synchronized (global) {
            StateValue value = values.get(key);
            if (value != null) {
                return value;
            }
            if (size <= 0) {
                throw new StateException("Must specify size for creating key-value '" + key + "'");
            }
            return create(key, size);
        }
    }

    /** Sizeless access: the local value, created without a size if absent. */
    private StateValue sizeless(String key) {
        synchronized (global) {
            StateValue value = values.get(key);
            return value != null ? value : create(key, 0);
        }
    }

    private StateValue create(String key, int size) {
        StateValue value = new StateValue(size);
        values.put(key, value);
        global.claimMain(key, this);
        return value;
    }

    private StateValue existing(String key, String call) {
        synchronized (global) {
            StateValue value = values.get(key);
            if (value == null) {
                throw new StateException(call + ": key '" + key + "' was never created on host " + name);
            }
            return value;
        }
    }

    private HostState mainOf(String key) {
        return global.mainOf(key).orElseThrow(() -> new IllegalStateException("no main for " + key));
    }

    /** get(): pulls the whole value unless it was, under the full lock only when it pulls. */
    private byte[] readWhole(int owner, String key, StateValue value) throws InterruptedException {
        value.checkSized(key);
        return value.lock.during(owner, !value.fullyPulled, () -> {
            synchronized (global) {
                if (!value.fullyPulled) {
                    pullWhole(key, value);
                }
                return value.bytes.clone();
            }
        });
    }

    private void pullWhole(String key, StateValue value) {
        value.allocate(0, value.allocatedSize());
        HostState main = mainOf(key);
        if (main != this) {
            main.copyGlobalRange(key, value.bytes, 0, value.size());
        }
        value.fullyPulled = true;
    }

    // ---- this host as a key's main ----

    private int localSize(String key) {
        synchronized (global) {
            StateValue value = values.get(key);
            return value == null ? 0 : value.size();
        }
    }

    private void storeGlobal(String key, byte[] data) {
        synchronized (global) {
            StateValue value = Objects.requireNonNull(values.get(key), key);
            System.arraycopy(data, 0, value.bytes, 0, Math.min(data.length, value.size()));
        }
    }

    private void storeGlobalBytes(String key, byte[] data, BitSet which) {
        synchronized (global) {
            StateValue value = Objects.requireNonNull(values.get(key), key);
            which.stream().filter(i -> i < value.size() && i < data.length).forEach(i -> value.bytes[i] = data[i]);
        }
    }

    /** Copies {@code [offset, offset + length)} of the global value into {@code target}, as far as both reach. */
    private void copyGlobalRange(String key, byte[] target, int offset, int length) {
        synchronized (global) {
            StateValue value = Objects.requireNonNull(values.get(key), key);
            int end = Math.min(offset + length, Math.min(target.length, value.size()));
            if (end > offset) {
                System.arraycopy(value.bytes, offset, target, offset, end - offset);
            }
        }
    }

    /** The global value of {@code key} if this host's copy has a size (a sizeless one cannot be read). */
    Optional<byte[]> globalCopy(String key) {
        synchronized (global) {
            StateValue value = values.get(key);
            return value.size() == 0 ? Optional.empty() : Optional.of(value.bytes.clone());
        }
    }
}
