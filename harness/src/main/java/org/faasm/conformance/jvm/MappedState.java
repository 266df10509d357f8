package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Memory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.faasm.conformance.state.HostState;

/**
 * State values mapped into guest memory by {@code read_state_ptr}. Faasm maps the host's pages
 * into the guest; Chicory memory cannot alias host memory, so the host copies: guest writes are
 * carried back into the local tier before every state call and when the message ends, and pulls
 * are carried into the guest. Like Faasm's, writes through the pointer do not mark the value dirty.
 */
final class MappedState {
    private final HostState state;
    private final Map<String, Region> regions = new LinkedHashMap<>();

    MappedState(HostState state) {
        this.state = state;
    }

    /** The guest address of {@code key}'s value, mapping it on first use. */
    int map(String key, int totalSize, Memory memory, String call) {
        Region existing = regions.get(key);
        if (existing != null) {
            return existing.ptr;
        }
        byte[] value = state.map(key, totalSize);
        int pages = Math.max(1, (value.length + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE);
        int oldPages = memory.grow(pages);
        if (oldPages < 0) {
            throw new HostCallTrap(call + ": cannot grow guest memory by " + pages + " pages to map '" + key + "'");
        }
        int ptr = oldPages * Memory.PAGE_SIZE;
        memory.write(ptr, value);
        regions.put(key, new Region(ptr, value.length));
        return ptr;
    }

    int size(String key) {
        Region region = regions.get(key);
        return region == null ? -1 : region.size;
    }

    /** Carries guest writes through mapped pointers into the local tier. */
    void syncFromGuest(Memory memory) {
        regions.forEach((key, region) -> state.writeMapped(key, memory.readBytes(region.ptr, region.size)));
    }

    /** Carries the local value of {@code key} into its mapping, if it has one. */
    void syncToGuest(String key, Memory memory) {
        Region region = regions.get(key);
        if (region != null) {
            memory.write(region.ptr, state.read(key, region.size));
        }
    }

    private record Region(int ptr, int size) {}
}
