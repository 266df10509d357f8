package org.faasm.conformance.state;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One logical host's local state tier and the operations Faasm's state host calls perform on it
 * (reference §2.7–2.8). Every Faaslet on the host shares it; it outlives invocations. All hosts of
 * a cluster synchronise on their {@link GlobalState}, so hosts copying to and from each other cannot deadlock.
 */
public final class HostState {
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

    /** {@code read_state}: lazily pulls, then returns the whole value (its own size, not {@code size}). */
    public byte[] read(String key, int size) {
        synchronized (global) {
            StateValue value = sized(key, size);
            pullIfNeeded(key, value);
            return value.bytes.clone();
        }
    }

    /**
     * {@code write_state}: replaces the local value and marks it dirty. {@code data} must hold at least
     * the value's size (Faasm copies that many bytes whatever the length given).
     */
    public void write(String key, byte[] data) {
        synchronized (global) {
            StateValue value = sized(key, data.length);
            System.arraycopy(data, 0, value.bytes, 0, value.size());
            value.markAllDirty();
            value.pulled = true;
        }
    }

    /** The size {@code write_state(key, data, length)} will copy: the existing size, else {@code length}. */
    public int writeSize(String key, int length) {
        synchronized (global) {
            StateValue local = values.get(key);
            return local != null ? local.size() : length;
        }
    }

    public void writeOffset(String key, int totalSize, int offset, byte[] data) {
        synchronized (global) {
            StateValue value = sized(key, totalSize);
            checkRange(key, value, offset, data.length);
            System.arraycopy(data, 0, value.bytes, offset, data.length);
            value.markDirty(offset, offset + data.length);
        }
    }

    public byte[] readOffset(String key, int totalSize, int offset, int length) {
        synchronized (global) {
            StateValue value = sized(key, totalSize);
            pullIfNeeded(key, value);
            checkRange(key, value, offset, length);
            return Arrays.copyOfRange(value.bytes, offset, offset + length);
        }
    }

    /** Overwrites the local value with guest bytes written through a mapped pointer; not dirty. */
    public void writeMapped(String key, byte[] data) {
        synchronized (global) {
            StateValue value = existing(key, "mapped write");
            System.arraycopy(data, 0, value.bytes, 0, Math.min(data.length, value.size()));
        }
    }

    /** {@code read_state_ptr}: the value to map into the guest, pulled if needed. */
    public byte[] map(String key, int totalSize) {
        synchronized (global) {
            return read(key, totalSize);
        }
    }

    /** {@code push_state}: uploads a dirty value to the main; a key never seen here is an error. */
    public void push(String key) {
        synchronized (global) {
            StateValue value = existing(key, "push_state");
            if (value.dirty.isEmpty()) {
                return;
            }
            HostState main = mainOf(key);
            if (main != this) {
                main.storeGlobal(key, value.bytes);
            }
            value.dirty.clear();
        }
    }

    /** {@code pull_state}: always refetches, overwriting unpushed local writes (a no-op on the main). */
    public void pull(String key, int size) {
        synchronized (global) {
            StateValue value = sized(key, size);
            HostState main = mainOf(key);
            if (main != this) {
                main.copyGlobalInto(key, value.bytes);
            }
            value.pulled = true;
        }
    }

    public void flagDirty(String key, int totalSize) {
        synchronized (global) {
            sized(key, totalSize).markAllDirty();
        }
    }

    /** {@code flag_state_offset_dirty}: marks a chunk for the next push, without fetching anything. */
    public void flagDirty(String key, int totalSize, int offset, int length) {
        synchronized (global) {
            StateValue value = sized(key, totalSize);
            checkRange(key, value, offset, length);
            value.markDirty(offset, offset + length);
        }
    }

    /**
     * {@code push_state_partial}: uploads only the dirty bytes (or, with a mask key, the bytes where
     * that same-sized value is non-zero), then re-pulls the whole value, as faabric's pushPartial does.
     */
    public void pushPartial(String key, String maskKey) {
        synchronized (global) {
            StateValue value = existing(key, "push_state_partial");
            BitSet chosen = maskKey == null ? (BitSet) value.dirty.clone() : nonZero(existing(maskKey, "push_state_partial_mask"));
            HostState main = mainOf(key);
            if (main != this) {
                main.storeGlobalBytes(key, value.bytes, chosen);
                main.copyGlobalInto(key, value.bytes);
                value.pulled = true;
            }
            value.dirty.clear();
        }
    }

    private static BitSet nonZero(StateValue mask) {
        BitSet set = new BitSet(mask.size());
        for (int i = 0; i < mask.size(); i++) {
            set.set(i, mask.bytes[i] != 0);
        }
        return set;
    }

    public void append(String key, byte[] data) {
        global.append(key, data);
    }

    public byte[] readAppended(String key, int count) {
        return global.readAppended(key, count);
    }

    public void clearAppended(String key) {
        global.clearAppended(key);
    }

    /** Takes the value's host-local lock; like Faasm's, it is neither distributed nor fair. */
    public void lock(String key, boolean write) {
        StateValue value;
        synchronized (global) {
            value = existing(key, write ? "lock_state_write" : "lock_state_read");
        }
        if (write) {
            value.lock.writeLock().lock();
        } else {
            value.lock.readLock().lock();
        }
    }

    public void unlock(String key, boolean write) {
        StateValue value;
        synchronized (global) {
            value = existing(key, write ? "unlock_state_write" : "unlock_state_read");
        }
        try {
            if (write) {
                value.lock.writeLock().unlock();
            } else {
                value.lock.readLock().unlock();
            }
        } catch (IllegalMonitorStateException e) {
            throw new StateException("unlock of '" + key + "' that this thread does not hold");
        }
    }

    /** Seeds a global value as the upload server does for {@code PUT /s/}: this host becomes main. */
    public void putGlobal(String key, byte[] data) {
        synchronized (global) {
            StateValue value = sized(key, data.length);
            System.arraycopy(data, 0, value.bytes, 0, value.size());
            value.pulled = true;
            mainOf(key).storeGlobal(key, value.bytes);
        }
    }

    // ---- sized access, as faabric's State::getKV ----

    /** The local value, created with {@code size} bytes if absent (size 0 cannot create one). */
    private StateValue sized(String key, int size) {
        StateValue value = values.get(key);
        if (value != null) {
            return value;
        }
        if (size <= 0) {
            throw new StateException("Must specify size for creating key-value '" + key + "'");
        }
        value = new StateValue(size);
        values.put(key, value);
        HostState main = global.claimMain(key, this);
        value.pulled = main == this;
        return value;
    }

    private StateValue existing(String key, String call) {
        StateValue value = values.get(key);
        if (value == null) {
            throw new StateException(call + ": key '" + key + "' was never created on host " + name);
        }
        return value;
    }

    private HostState mainOf(String key) {
        return global.mainOf(key).orElseThrow(() -> new IllegalStateException("no main for " + key));
    }

    private void pullIfNeeded(String key, StateValue value) {
        if (!value.pulled) {
            mainOf(key).copyGlobalInto(key, value.bytes);
            value.pulled = true;
        }
    }

    private static void checkRange(String key, StateValue value, int offset, int length) {
        if (offset < 0 || length < 0 || (long) offset + length > value.size()) {
            throw new StateException("offset " + offset + " + length " + length + " is outside '" + key
                    + "' (" + value.size() + " bytes)");
        }
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

    private void copyGlobalInto(String key, byte[] target) {
        synchronized (global) {
            StateValue value = Objects.requireNonNull(values.get(key), key);
            System.arraycopy(value.bytes, 0, target, 0, Math.min(target.length, value.size()));
        }
    }

    byte[] globalCopy(String key) {
        synchronized (global) {
            return values.get(key).bytes.clone();
        }
    }
}
