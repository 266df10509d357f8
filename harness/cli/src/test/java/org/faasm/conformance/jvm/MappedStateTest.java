package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.faasm.conformance.state.GlobalState;
import org.faasm.conformance.state.HostState;
import org.junit.jupiter.api.Test;

/**
 * Where {@code read_state_ptr} and {@code read_state_offset_ptr} map a segment (new wasm pages covering
 * its host pages, {@code offset % 4096} into them; faasm:src/wasm/WasmModule.cpp:295-338) and how guest
 * writes through a mapping reach the host's local value.
 */
class MappedStateTest {
    private static final int M = 7;
    private final HostState host = new HostState("a", new GlobalState());
    private final MappedState mapped = new MappedState(host);

    @Test
    void aSegmentLandsInNewPagesAtItsOffsetWithinAHostPage() throws Exception {
        host.write(M, "k", new byte[70_000]);
        Memory empty = memory(0, 10);
        assertThat(mapped.map(M, "k", 70_000, 5000, 100, empty, "read_state_offset_ptr")).isEqualTo(5000 - 4096);
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(mapped.map(M, "k", 70_000, 5000, 100, empty, "read_state_offset_ptr")).as("the same segment again").isEqualTo(904);
        assertThat(mapped.map(M, "k", 70_000, 4000, 200, empty, "read_state_offset_ptr")).as("two host pages in one wasm page")
                .isEqualTo(Memory.PAGE_SIZE + 4000);
        assertThat(empty.pages()).isEqualTo(2);
        assertThat(mapped.map(M, "k", 70_000, 0, Memory.PAGE_SIZE + 1, empty, "read_state_ptr")).isEqualTo(2 * Memory.PAGE_SIZE);
        assertThat(empty.pages()).as("17 host pages need two wasm pages").isEqualTo(4);
        assertThat(mapped.map(M, "k", 70_000, 4000, 65_000, empty, "read_state_offset_ptr")).isEqualTo(4 * Memory.PAGE_SIZE + 4000);
        assertThat(empty.pages()).as("65,000 bytes from 4000 span 17 host pages").isEqualTo(6);
        assertThat(mapped.map(M, "k", 70_000, 0, Memory.PAGE_SIZE, empty, "read_state_ptr")).isEqualTo(6 * Memory.PAGE_SIZE);
        assertThat(empty.pages()).as("exactly one wasm page").isEqualTo(7);
        assertThatThrownBy(() -> mapped.map(M, "k", 70_000, 0, 4 * Memory.PAGE_SIZE, empty, "read_state_ptr"))
                .isInstanceOf(HostCallTrap.class).hasMessage("read_state_ptr: cannot grow guest memory by 4 pages to map 'k'");
    }

    @Test
    void guestWritesThroughAMappingReachTheLocalValueRunByRun() throws Exception {
        host.write(M, "k", "abcdefgh".getBytes());
        Memory memory = memory(1, 4);
        int ptr = mapped.map(M, "k", 8, 4, 4, memory, "read_state_offset_ptr");
        mapped.syncToGuest("k", memory);
        assertThat(memory.readBytes(ptr, 4)).isEqualTo("efgh".getBytes());
        memory.writeByte(ptr, (byte) 'E');
        memory.writeByte(ptr + 2, (byte) 'G');
        mapped.syncFromGuest(memory);
        assertThat(host.local("k")).isEqualTo("abcdEfGh".getBytes());
    }

    private static Memory memory(int initial, int maximum) {
        return new ByteArrayMemory(new MemoryLimits(initial, maximum));
    }
}
