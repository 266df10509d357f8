package org.faasm.conformance.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Faasm's two state tiers in inmemory mode (reference §2.7–2.8), host by host. In the command line
 * module, beside the suite, because PIT (profile -Pmutation) runs only this module's tests.
 */
class HostStateTest {
    private static final int M = 7;
    private static final int OTHER = 8;
    private final GlobalState global = new GlobalState();
    private final HostState upload = new HostState("upload", global);
    private final HostState a = new HostState("a", global);
    private final HostState b = new HostState("b", global);

    @Test
    void writesStayLocalUntilPushedAndPullsOverwriteLocalWrites() throws Exception {
        upload.putGlobal("k", bytes("0000"));
        a.write(M, "k", bytes("AAAA"));
        assertThat(b.read(M, "k", 4)).isEqualTo(bytes("0000"));
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("0000"));

        a.push(M, "k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("AAAA"));
        assertThat(b.read(M, "k", 4)).as("b already holds a pulled copy").isEqualTo(bytes("0000"));
        b.pull(M, "k", 4);
        assertThat(b.read(M, "k", 4)).isEqualTo(bytes("AAAA"));

        b.write(M, "k", bytes("BBBB"));
        b.pull(M, "k", 4);
        assertThat(b.read(M, "k", 4)).as("pull discards unpushed writes").isEqualTo(bytes("AAAA"));
    }

    @Test
    void theFirstCreatorIsMainAndItsWritesAreGlobalAtOnce() throws Exception {
        a.write(M, "fresh", bytes("xy"));
        assertThat(global.values(List.of("fresh")).get("fresh")).isEqualTo(bytes("xy"));
        a.push(M, "fresh");
        assertThat(b.read(M, "fresh", 2)).isEqualTo(bytes("xy"));
    }

    @Test
    void sizesAreFixedAtCreation() throws Exception {
        a.write(M, "k", bytes("1234"));
        assertThat(a.size("k")).isEqualTo(4);
        assertThat(a.read(M, "k", 2)).as("read returns the value's own size").hasSize(4);
        assertThat(b.size("k")).as("size of the global copy").isEqualTo(4);
        assertThat(b.size("unknown")).isZero();
    }

    @Test
    void refusesWhatFaasmRefuses() throws Exception {
        assertThatThrownBy(() -> a.write(M, "new", new byte[0])).isInstanceOf(StateException.class)
                .hasMessageContaining("Must specify size");
        assertThatThrownBy(() -> a.push(M, "never")).isInstanceOf(StateException.class)
                .hasMessageContaining("was never created on host a");
        a.write(M, "k", bytes("1234"));
        assertThatThrownBy(() -> a.readOffset(M, "k", 4, 3, 2)).isInstanceOf(StateException.class)
                .hasMessageContaining("Out of bounds chunk");
        assertThatThrownBy(() -> a.unlock(M, "k", true)).isInstanceOf(StateException.class);
    }

    @Test
    void pushOnlySendsValuesWhoseDirtyFlagIsSet() throws Exception {
        upload.putGlobal("k", bytes("0000"));
        a.read(M, "k", 4);
        a.writeMapped("k", 0, bytes("MMMM"));
        a.push(M, "k");
        assertThat(global.values(List.of("k")).get("k")).as("mapped writes are not dirty").isEqualTo(bytes("0000"));
        a.flagDirty(M, "k", 4);
        a.push(M, "k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("MMMM"));
    }

    @Test
    void partialPushesSendOnlyMarkedBytesThenRepullAWhollyAllocatedValue() throws Exception {
        upload.putGlobal("k", bytes("aaaa"));
        a.writeOffset(M, "k", 4, 1, bytes("XY"));
        b.read(M, "k", 4);
        b.writeOffset(M, "k", 4, 3, bytes("Z"));
        b.pushPartial(M, "k");
        a.pushPartial(M, "k");
        assertThat(global.values(List.of("k")).get("k")).as("each host's chunk, neither overwriting the other").isEqualTo(bytes("aXYZ"));
        assertThat(a.read(M, "k", 4)).as("pulled by the read").isEqualTo(bytes("aXYZ"));
        assertThat(b.read(M, "k", 4)).as("b's whole value is allocated, so its push re-pulled it, before a's push")
                .isEqualTo(bytes("aaaZ"));
    }

    @Test
    void aWholeWriteMarksNoBytesSoAPartialPushSendsNothingAndDiscardsIt() throws Exception {
        upload.putGlobal("k", bytes("aaaa"));
        a.write(M, "k", bytes("WXYZ"));
        a.pushPartial(M, "k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("aaaa"));
        assertThat(a.read(M, "k", 4)).as("re-pulled").isEqualTo(bytes("aaaa"));
    }

    @Test
    void aPartialPushOfACleanValueDoesNothing() throws Exception {
        upload.putGlobal("k", bytes("aaaa"));
        a.read(M, "k", 4);
        a.writeMapped("k", 0, bytes("QQQQ"));
        a.pushPartial(M, "k");
        assertThat(a.read(M, "k", 4)).as("no push, so no re-pull").isEqualTo(bytes("QQQQ"));
    }

    @Test
    void aMaskChoosesWhichBytesAPartialPushSendsAndIsZeroedAfterwards() throws Exception {
        upload.putGlobal("k", bytes("aaaa"));
        upload.putGlobal("mask", new byte[] {0, 1, 0, 1});
        upload.putGlobal("short", new byte[] {1});
        a.write(M, "k", bytes("WXYZ"));
        a.read(M, "mask", 4);
        a.read(M, "short", 1);
        assertThatThrownBy(() -> a.pushPartialMask(M, "k", "short")).isInstanceOf(StateException.class)
                .hasMessage("Different sizes: mask=1 and value=4");
        a.pushPartialMask(M, "k", "mask");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("aXaZ"));
        assertThat(a.read(M, "mask", 4)).isEqualTo(new byte[4]);
        assertThat(global.values(List.of("mask")).get("mask")).as("zeroed locally only").isEqualTo(new byte[] {0, 1, 0, 1});
    }

    @Test
    void flaggingAChunkDirtyFetchesNothing() throws Exception {
        upload.putGlobal("k", bytes("aaaa"));
        a.writeOffset(M, "k", 4, 0, bytes("Q"));
        a.flagDirty(M, "k", 4, 0, 1);
        a.pushPartial(M, "k");
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("Qaaa"));
    }

    @Test
    void offsetWritesAreBoundedByThePageRoundedSize() throws Exception {
        a.write(M, "k", bytes("abcdefg"));
        a.writeOffset(M, "k", 7, 5, bytes("XYZW"));
        assertThat(a.read(M, "k", 7)).isEqualTo(bytes("abcdeXY"));
        assertThatThrownBy(() -> a.writeOffset(M, "k", 7, 4094, bytes("XYZW"))).isInstanceOf(StateException.class)
                .hasMessage("Attempting to set chunk out of bounds");
    }

    @Test
    void anOffsetReadPullsOnlyItsChunk() throws Exception {
        upload.putGlobal("k", bytes("abcd"));
        assertThat(a.readOffset(M, "k", 4, 1, 2)).isEqualTo(bytes("bc"));
        upload.putGlobal("k", bytes("ABCD"));
        assertThat(a.readOffset(M, "k", 4, 1, 2)).as("already pulled").isEqualTo(bytes("bc"));
        assertThat(a.readOffset(M, "k", 4, 2, 2)).as("a chunk not wholly pulled is pulled whole").isEqualTo(bytes("CD"));
        assertThat(a.readOffset(M, "k", 4, 1, 1)).isEqualTo(bytes("b"));
    }

    @Test
    void appendingCreatesASizelessValueAndClaimsMain() throws Exception {
        a.append(M, "list", bytes("ab"));
        b.append(M, "list", bytes("cd"));
        assertThat(a.readAppended(M, "list", 4, 2)).isEqualTo(bytes("abcd"));
        assertThatThrownBy(() -> b.readAppended(M, "list", 4, 3)).isInstanceOf(StateException.class)
                .hasMessageContaining("has 2 appended values, 3 requested");
        assertThat(a.size("list")).isZero();
        assertThatThrownBy(() -> a.write(M, "list", bytes("xy"))).isInstanceOf(StateException.class)
                .hasMessage("list has no size set");
        b.write(M, "list2", bytes("zz"));
        a.append(M, "list2", bytes("q"));
        assertThat(global.values(List.of("list", "list2"))).as("a sizeless main has no readable value").doesNotContainKey("list")
                .containsKey("list2");
        b.clearAppended(M, "list");
        assertThat(a.readAppended(M, "list", 4, 0)).isEmpty();
    }

    @Test
    void aLockHeldForWritingRefusesItsHolderAndBlocksOthers() throws Exception {
        a.write(M, "k", bytes("0000"));
        a.lock(M, "k", true);
        assertThatThrownBy(() -> a.write(M, "k", bytes("1111"))).isInstanceOf(StateException.class)
                .hasMessage("Resource deadlock avoided");
        assertThatThrownBy(() -> a.read(M, "k", 4)).hasMessage("Resource deadlock avoided");
        CountDownLatch written = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                a.write(OTHER, "k", bytes("2222"));
                written.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        assertThat(written.await(100, TimeUnit.MILLISECONDS)).as("waits for the holder").isFalse();
        a.unlock(M, "k", true);
        assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
        other.join(5000);
    }

    @Test
    void aReaderAskingToWriteWaitsForItself() throws Exception {
        a.write(M, "k", bytes("0000"));
        a.lock(M, "k", false);
        assertThat(a.read(M, "k", 4)).as("reading under a read lock").isEqualTo(bytes("0000"));
        Thread writer = new Thread(() -> {
            try {
                a.write(M, "k", bytes("1111"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        writer.join(100);
        assertThat(writer.isAlive()).as("deadlocked, as in Faasm").isTrue();
        writer.interrupt();
        writer.join(5000);
        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void aSizelessValueRefusesEverySizedCall() throws Exception {
        a.append(M, "list", bytes("ab"));
        String noSize = "list has no size set";
        assertThatThrownBy(() -> a.read(M, "list", 4)).hasMessage(noSize);
        assertThatThrownBy(() -> a.writeOffset(M, "list", 4, 0, bytes("x"))).hasMessage(noSize);
        assertThatThrownBy(() -> a.readOffset(M, "list", 4, 0, 1)).hasMessage(noSize);
        assertThatThrownBy(() -> a.mapPages(M, "list", 4, 0, 1)).hasMessage(noSize);
        assertThatThrownBy(() -> a.push(M, "list")).hasMessage(noSize);
        assertThatThrownBy(() -> a.pull(M, "list", 4)).hasMessage(noSize);
        assertThatThrownBy(() -> a.flagDirty(M, "list", 4, 0, 1)).hasMessage(noSize);
        assertThatThrownBy(() -> a.pushPartial(M, "list")).hasMessage(noSize);
        assertThatThrownBy(() -> b.read(M, "fresh", 0)).as("size 0 creates nothing").hasMessageContaining("Must specify size");
    }

    @Test
    void chunksMayEndExactlyAtTheirBounds() throws Exception {
        upload.putGlobal("k", bytes("abcd"));
        assertThat(a.readOffset(M, "k", 4, 3, 1)).as("a read ending at the value's end").isEqualTo(bytes("d"));
        assertThatThrownBy(() -> a.readOffset(M, "k", 4, 2, 3)).hasMessage("Out of bounds chunk");
        a.writeOffset(M, "k", 4, 4090, bytes("XYZWVU"));
        assertThat(a.read(M, "k", 4)).as("a write ending at the last page's end keeps the value").isEqualTo(bytes("abcd"));
        a.flagDirty(M, "k", 4, 0, 2);
        a.writeMapped("k", 0, bytes("QR"));
        a.pushPartial(M, "k");
        assertThat(global.values(List.of("k")).get("k")).as("a chunk flagged at offset 0").isEqualTo(bytes("QRcd"));
        a.writeMapped("k", 2, bytes("STUV"));
        assertThat(a.local("k")).as("mapped bytes past the value's end are not kept").isEqualTo(bytes("QRST"));
    }

    @Test
    void lockCallsNameThemselvesAndCountReadHolds() throws Exception {
        assertThatThrownBy(() -> a.lock(M, "none", false)).hasMessageStartingWith("lock_state_read:");
        assertThatThrownBy(() -> a.lock(M, "none", true)).hasMessageStartingWith("lock_state_write:");
        assertThatThrownBy(() -> a.unlock(M, "none", false)).hasMessageStartingWith("unlock_state_read:");
        assertThatThrownBy(() -> a.unlock(M, "none", true)).hasMessageStartingWith("unlock_state_write:");
        a.write(M, "k", bytes("0000"));
        assertThatThrownBy(() -> a.unlock(M, "k", false)).hasMessage("unlock of 'k' that this message does not hold");
        a.lock(M, "k", false);
        a.lock(M, "k", false);
        a.unlock(M, "k", false);
        CountDownLatch written = inThread(() -> a.write(OTHER, "k", bytes("1111")));
        assertThat(written.await(100, TimeUnit.MILLISECONDS)).as("one read hold is left").isFalse();
        a.unlock(M, "k", false);
        assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> a.unlock(M, "k", false)).as("both holds released").hasMessageContaining("does not hold");
    }

    @Test
    void aHostCallTakesTheFullLockOnlyWhenItPulls() throws Exception {
        upload.putGlobal("k", bytes("abcd"));
        b.readOffset(M, "k", 4, 0, 1);
        b.lock(OTHER, "k", false);
        assertThat(inThread(() -> b.readOffset(M, "k", 4, 0, 1)).await(5, TimeUnit.SECONDS))
                .as("pulled already: a read lock beside another reader").isTrue();
        CountDownLatch chunk = inThread(() -> b.readOffset(M, "k", 4, 2, 1));
        CountDownLatch whole = inThread(() -> b.read(M, "k", 4));
        assertThat(chunk.await(100, TimeUnit.MILLISECONDS)).as("pulling a chunk waits for the reader").isFalse();
        assertThat(whole.await(1, TimeUnit.MILLISECONDS)).as("pulling the value waits for the reader").isFalse();
        b.unlock(OTHER, "k", false);
        assertThat(chunk.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFlushedHostIsNoLongerMainOfItsKeysOnly() throws Exception {
        a.write(M, "ka", bytes("aa"));
        b.write(M, "kb", bytes("bb"));
        global.forgetMainsOn(a);
        assertThat(global.values(List.of("ka", "kb"))).containsOnlyKeys("kb");
        assertThat(upload.size("ka")).as("no main, so no global size").isZero();
    }

    @Test
    void aPageSizedValueHasOnePage() throws Exception {
        a.write(M, "page", new byte[4096]);
        assertThatThrownBy(() -> a.writeOffset(M, "page", 4096, 4096, bytes("x"))).hasMessage("Attempting to set chunk out of bounds");
    }

    @Test
    void aSeedOnAHostThatIsNotMainReachesTheMain() throws Exception {
        a.write(M, "k", bytes("0000"));
        upload.putGlobal("k", bytes("SEED"));
        assertThat(global.values(List.of("k")).get("k")).isEqualTo(bytes("SEED"));
    }

    @Test
    void onlyAWhollyAllocatedValueIsRepulledAfterAPartialPush() throws Exception {
        upload.putGlobal("small", bytes("aaaa"));
        upload.putGlobal("pages", new byte[5000]);
        upload.putGlobal("page", new byte[4096]);
        HostState pulled = new HostState("pulled", global);
        pulled.pull(M, "small", 4);
        repulledAfterPartialPush(pulled, "small", 4, true);
        HostState mapped = new HostState("mapped", global);
        mapped.mapPages(M, "small", 4, 0, 4);
        repulledAfterPartialPush(mapped, "small", 4, true);
        mapped.mapPages(M, "pages", 5000, 100, 4900);
        repulledAfterPartialPush(mapped, "pages", 5000, true);
        HostState lastPage = new HostState("lastPage", global);
        lastPage.mapPages(M, "pages", 5000, 4096, 10);
        repulledAfterPartialPush(lastPage, "pages", 5000, false);
        HostState firstPage = new HostState("firstPage", global);
        firstPage.readOffset(M, "pages", 5000, 0, 4096);
        repulledAfterPartialPush(firstPage, "pages", 5000, false);
        HostState chunkRead = new HostState("chunkRead", global);
        chunkRead.readOffset(M, "page", 4096, 0, 4096);
        repulledAfterPartialPush(chunkRead, "page", 4096, true);
        HostState chunkWritten = new HostState("chunkWritten", global);
        chunkWritten.writeOffset(M, "page", 4096, 0, new byte[4096]);
        chunkWritten.pushPartial(M, "page");
        repulledAfterPartialPush(chunkWritten, "page", 4096, true);
    }

    /** Marks byte 0 and changes byte 1 unmarked, pushes partially, and says whether byte 1 came back from the main. */
    private void repulledAfterPartialPush(HostState host, String key, int size, boolean repulled) throws Exception {
        byte before = host.readOffset(M, key, size, 1, 1)[0];
        host.writeOffset(M, key, size, 0, new byte[] {'m'});
        host.writeMapped(key, 1, new byte[] {'u'});
        host.pushPartial(M, key);
        assertThat(host.local(key)[1]).as(host.name() + ": unmarked byte after the push").isEqualTo(repulled ? before : (byte) 'u');
    }

    @FunctionalInterface
    private interface StateCall {
        void run() throws InterruptedException;
    }

    /** Makes the call on a thread of its own; the latch opens when it returned. */
    private static CountDownLatch inThread(StateCall call) {
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                call.run();
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
