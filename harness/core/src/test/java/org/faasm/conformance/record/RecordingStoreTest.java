package org.faasm.conformance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;
import org.faasm.conformance.verdict.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings round-trip whole; a large one is kept gzipped, and a file that unpacks past the bound is refused. */
class RecordingStoreTest {

    @Test
    void aLargeRecordingIsPackedAndReadBackWhole(@TempDir Path dir) throws Exception {
        RecordingStore store = new RecordingStore(dir);
        byte[] output = "x".repeat(4 << 20).getBytes();
        store.write(recording("hostile/huge", output));
        assertThat(dir.resolve("hostile/huge.json.gz")).exists().satisfies(f -> assertThat(Files.size(f)).isLessThan(1 << 20));
        assertThat(dir.resolve("hostile/huge.json")).doesNotExist();
        assertThat(store.find("hostile/huge").orElseThrow().observation().orElseThrow().output()).isEqualTo(output);

        store.write(recording("hostile/huge", "small".getBytes()));
        assertThat(dir.resolve("hostile/huge.json")).exists();
        assertThat(dir.resolve("hostile/huge.json.gz")).as("the packed one is replaced").doesNotExist();
    }

    @Test
    void aFileThatUnpacksPastTheBoundIsRefused(@TempDir Path dir) throws Exception {
        Path bomb = Files.createDirectories(dir.resolve("io")).resolve("bomb.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written <= RecordingStore.MAX_RECORDING_BYTES; written += zeros.length) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> new RecordingStore(dir).find("io/bomb")).hasMessageContaining("unpacks to more than 96 MiB")
                .hasMessageContaining(bomb.toString());
    }

    private static Recording recording(String spec, byte[] output) {
        Observation observation = new Observation("echo", 0, new byte[0], Outcome.RETURNED, 0, output, "", new byte[0], new byte[0], 0,
                List.of(), Map.of("k", new byte[] {1, 2}), List.of(), new Timings(1, 2));
        return new Recording(spec, "faasm-wamr", new RecordedRequest("ab", Map.of("echo", "cd")), Status.PASS, Optional.of(observation), "");
    }
}
