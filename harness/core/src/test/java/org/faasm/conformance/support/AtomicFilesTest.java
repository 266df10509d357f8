package org.faasm.conformance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.faasm.conformance.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that cannot corrupt: a full disk, a link in the way, two writers of one folder. */
class AtomicFilesTest {

    @Test
    void aFullDiskIsOneLineNamingTheFileAndThePreviousReportStaysWhole() throws Exception {
        try (FileSystem small = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(256 * 1024).setBlockSize(4096).build())) {
            Path reports = small.getPath("/reports");
            ObjectNode report = report("first");
            ReportWriter.write(report, reports);
            String before = Files.readString(reports.resolve("report.json"));

            ObjectNode big = report("second").put("padding", "x".repeat(400 * 1024));
            assertThatThrownBy(() -> ReportWriter.write(big, reports)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot write /reports/").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            assertThat(Files.readString(reports.resolve("report.json"))).isEqualTo(before);
            assertThat(Files.readString(reports.resolve("summary.md"))).isNotEmpty();
            try (Stream<Path> left = Files.list(reports)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
            }
        }
    }

    @Test
    void aLinkInTheWayIsReplacedNotWrittenThrough(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.createSymbolicLink(reports.resolve("summary.md"), elsewhere);

        ReportWriter.write(report("run"), reports);

        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(reports.resolve("summary.md"))).isFalse();
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("| backend |");
    }

    @Test
    void aFailureInTheSetMovesNoneOfIt(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a.txt");
        Path second = dir.resolve("b.txt");
        Files.writeString(first, "old a");
        Files.writeString(second, "old b");
        Map<Path, AtomicFiles.Content> set = new LinkedHashMap<>();
        set.put(first, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
        set.put(second, out -> {
            throw new IOException("No space left on device");
        });
        assertThatThrownBy(() -> AtomicFiles.writeSet(set)).hasMessage("cannot write " + second + ": No space left on device");
        assertThat(Files.readString(first)).isEqualTo("old a");
        assertThat(Files.readString(second)).isEqualTo("old b");
    }

    @Test
    void twoWritersOfOneFolderEachLeaveAWholeSet(@TempDir Path dir) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String writer : List.of("left", "right")) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        Map<Path, AtomicFiles.Content> set = new LinkedHashMap<>();
                        String mark = writer + i;
                        for (String name : List.of("one", "two", "three")) {
                            set.put(dir.resolve(name), out -> out.write(mark.getBytes(StandardCharsets.UTF_8)));
                        }
                        AtomicFiles.writeSet(set);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(Files.readString(dir.resolve("one"))).isEqualTo(Files.readString(dir.resolve("two"))).isEqualTo(Files.readString(dir.resolve("three")));
    }

    private static ObjectNode report(String name) {
        ObjectNode report = new ObjectMapper().createObjectNode().put("format", 1).put("name", name);
        report.putArray("results");
        report.putObject("run").put("harness", "faasm-conformance test");
        return report;
    }
}
