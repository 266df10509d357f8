package org.faasm.conformance.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faasm's two state tiers in inmemory mode (reference §2.7–2.8), host by host. */
class HostStateTest {
    private final GlobalState global = new GlobalState();
    private final HostState upload = new HostState("upload", global);
    private final HostState a = new HostState("a", global);
    private final HostState b = new HostState("b", global);

    @Test
    void writesStayLocalUntilPushedAndPullsOverwriteLocalWrites() {
        upload.putGlobal("k", bytes("0000"));
        a.write("k", bytes("AAAA"));
        assertThat(b.read("k", 4)).isEqualTo(bytes("0000"));
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("0000"));

        a.push("k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("AAAA"));
        assertThat(b.read("k", 4)).as("b already holds a pulled copy").isEqualTo(bytes("0000"));
        b.pull("k", 4);
        assertThat(b.read("k", 4)).isEqualTo(bytes("AAAA"));

        b.write("k", bytes("BBBB"));
        b.pull("k", 4);
        assertThat(b.read("k", 4)).as("pull discards unpushed writes").isEqualTo(bytes("AAAA"));
    }

    @Test
    void theFirstCreatorIsMainAndItsWritesAreGlobalAtOnce() {
        a.write("fresh", bytes("xy"));
        assertThat(global.values(List.of("fresh")).get("fresh")).isEqualTo(bytes("xy"));
        a.push("fresh");
        assertThat(b.read("fresh", 2)).isEqualTo(bytes("xy"));
    }

    @Test
    void sizesAreFixedAtCreation() {
        a.write("k", bytes("1234"));
        assertThat(a.size("k")).isEqualTo(4);
        assertThat(a.read("k", 2)).as("read returns the value's own size").hasSize(4);
        assertThat(b.size("k")).as("size of the global copy").isEqualTo(4);
        assertThat(b.size("unknown")).isZero();
    }

    @Test
    void refusesWhatFaasmRefuses() {
        assertThatThrownBy(() -> a.write("new", new byte[0])).isInstanceOf(StateException.class)
                .hasMessageContaining("Must specify size");
        assertThatThrownBy(() -> a.push("never")).isInstanceOf(StateException.class)
                .hasMessageContaining("was never created on host a");
        a.write("k", bytes("1234"));
        assertThatThrownBy(() -> a.readOffset("k", 4, 3, 2)).isInstanceOf(StateException.class)
                .hasMessageContaining("outside 'k'");
        assertThatThrownBy(() -> a.unlock("k", true)).isInstanceOf(StateException.class);
    }

    @Test
    void pushOnlySendsDirtyValues() {
        upload.putGlobal("k", bytes("0000"));
        a.read("k", 4);
        a.writeMapped("k", bytes("MMMM"));
        a.push("k");
        assertThat(global.values(List.of("k")).get("k")).as("mapped writes are not dirty").isEqualTo(bytes("0000"));
        a.flagDirty("k", 4);
        a.push("k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("MMMM"));
    }

    @Test
    void partialPushesSendOnlyDirtyBytesThenRepull() {
        upload.putGlobal("k", bytes("aaaa"));
        a.writeOffset("k", 4, 1, bytes("XY"));
        b.read("k", 4);
        b.writeOffset("k", 4, 3, bytes("Z"));
        b.pushPartial("k", null);
        a.pushPartial("k", null);
        assertThat(global.values(List.of("k")).get("k")).as("each host's chunk, neither overwriting the other").isEqualTo(bytes("aXYZ"));
        assertThat(a.read("k", 4)).as("re-pulled after the push").isEqualTo(bytes("aXYZ"));
    }

    @Test
    void aMaskChoosesWhichBytesAPartialPushSends() {
        upload.putGlobal("k", bytes("aaaa"));
        upload.putGlobal("mask", new byte[] {0, 1, 0, 1});
        a.write("k", bytes("WXYZ"));
        a.read("mask", 4);
        a.pushPartial("k", "mask");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("aXaZ"));
    }

    @Test
    void flaggingAChunkDirtyFetchesNothing() {
        upload.putGlobal("k", bytes("aaaa"));
        a.writeOffset("k", 4, 0, bytes("Q"));
        a.flagDirty("k", 4, 0, 1);
        a.pushPartial("k", null);
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("Qaaa"));
        assertThatThrownBy(() -> a.flagDirty("k", 4, 3, 2)).isInstanceOf(StateException.class);
    }

    @Test
    void appendedValuesAreGlobalAndReadInOrder() {
        a.append("list", bytes("ab"));
        b.append("list", bytes("cd"));
        assertThat(a.readAppended("list", 2)).isEqualTo(bytes("abcd"));
        assertThatThrownBy(() -> b.readAppended("list", 3)).isInstanceOf(StateException.class)
                .hasMessageContaining("has 2 appended values, 3 requested");
        b.clearAppended("list");
        assertThat(a.readAppended("list", 0)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
