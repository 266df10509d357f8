package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Memory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.faasm.conformance.state.HostState;

/**
 * State mapped into guest memory by {@code read_state_ptr} and {@code read_state_offset_ptr}, one
 * mapping per (key, offset, length) as Faasm caches them (faasm:src/wasm/WasmModule.cpp:295-338): the
 * same segment asked again is the same pointer, another segment of the key a new one. Faasm maps the
 * host's pages, so every mapping of a key aliases the others; Chicory memory cannot alias host memory,
 * so the host copies: at each state call, bytes the guest changed in a mapping since the host last
 * showed it are carried into the local tier (not dirty, as in Faasm), and after the call every mapping
 * of the call's key shows the local value again.
 */
final class MappedState {
    private static final int HOST_PAGE = 4096;

    private final HostState state;
    private final Map<Segment, Region> regions = new LinkedHashMap<>();

    MappedState(HostState state) {
        this.state = state;
    }

    /**
     * The guest address of {@code [offset, offset + length)} of {@code key}: grows memory by the wasm
     * pages covering the segment's host pages on first use, and points {@code offset % 4096} into them.
     */
    int map(int owner, String key, int totalSize, int offset, int length, Memory memory, String call) throws InterruptedException {
        Segment segment = new Segment(key, offset, length);
        Region existing = regions.get(segment);
        if (existing != null) {
            return existing.ptr;
        }
        state.mapPages(owner, key, totalSize, offset, length);
        int remainder = Math.floorMod(offset, HOST_PAGE);
        long hostBytes = (remainder + (long) length + HOST_PAGE - 1) / HOST_PAGE * HOST_PAGE;
        int pages = (int) Math.max(1, (hostBytes + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE);
        int oldPages = memory.grow(pages);
        if (oldPages < 0) {
            throw new HostCallTrap(call + ": cannot grow guest memory by " + pages + " pages to map '" + key + "'");
        }
        Region region = new Region(oldPages * Memory.PAGE_SIZE + remainder, offset, length);
        regions.put(segment, region);
        return region.ptr;
    }

    /** Carries bytes the guest changed through any mapping into the local tier. */
    void syncFromGuest(Memory memory) {
        regions.forEach((segment, region) -> {
            if (region.shown == null) {
                return;
            }
            byte[] now = memory.readBytes(region.ptr, region.shown.length);
            int from = 0;
            while ((from = mismatchFrom(region.shown, now, from)) >= 0) {
                int to = from;
                while (to < now.length && now[to] != region.shown[to]) {
                    to++;
                }
                state.writeMapped(segment.key, region.offset + from, Arrays.copyOfRange(now, from, to));
                from = to;
            }
            region.shown = now;
        });
    }

    /** Shows the local value of {@code key} in every mapping of it. */
    void syncToGuest(String key, Memory memory) {
        byte[] local = null;
        for (Map.Entry<Segment, Region> entry : regions.entrySet()) {
            if (entry.getKey().key.equals(key)) {
                local = local != null ? local : state.local(key);
                Region region = entry.getValue();
                int from = Math.min(region.offset, local.length);
                region.shown = Arrays.copyOfRange(local, from, Math.max(from, Math.min(local.length, region.offset + region.length)));
                memory.write(region.ptr, region.shown);
            }
        }
    }

    /** The first index at or after {@code from} where the two differ, or -1. */
    private static int mismatchFrom(byte[] a, byte[] b, int from) {
        int at = Arrays.mismatch(a, from, a.length, b, from, b.length);
        return at < 0 ? -1 : from + at;
    }

    private record Segment(String key, int offset, int length) {}

    private static final class Region {
        final int ptr;
        final int offset;
        final int length;
        /** What the host last wrote into the mapping (the value's bytes it covers); null before the first pull. */
        byte[] shown;

        Region(int ptr, int offset, int length) {
            this.ptr = ptr;
            this.offset = offset;
            this.length = length;
        }
    }
}
