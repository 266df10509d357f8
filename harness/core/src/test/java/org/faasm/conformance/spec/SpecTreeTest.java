package org.faasm.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec reads files only inside the specs folder: regular files, of bounded size, never opened otherwise. */
class SpecTreeTest {
    @TempDir
    Path specs;
    @TempDir
    Path outside;

    private Path spec(String name, String inputFile) throws IOException {
        Path file = specs.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                spec: 1
                source: "harness: made in a test"
                function: echo
                input: {file: "%s"}
                expect: {returnValue: 0}
                """.formatted(inputFile));
    }

    /** The single error loading {@code file} gives: it must name the file, line 4 and the input's field. */
    private SpecLoadError inputError(Path file) {
        List<SpecLoadError> errors = List.of();
        try {
            new SpecLoader(specs).load(file);
        } catch (SpecLoadException e) {
            errors = e.errors();
        }
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("/input/file");
        });
        return errors.get(0);
    }

    @Test
    void aFileInsideTheTreeIsRead() throws Exception {
        Files.createDirectories(specs.resolve("data"));
        Files.writeString(specs.resolve("data/in.txt"), "hello");
        assertThat(new SpecLoader(specs).load(spec("io/a.yaml", "../data/in.txt")).input()).asString().isEqualTo("hello");
    }

    @Test
    void anAbsolutePathIsRefused() throws Exception {
        assertThat(inputError(spec("io/abs.yaml", "/etc/passwd")).message()).contains("/etc/passwd is an absolute path");
        assertThat(inputError(spec("io/zero.yaml", "/dev/zero")).message()).contains("absolute path");
    }

    @Test
    void dotDotThatLeavesTheTreeIsRefused() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        // Both temporary folders share a parent, so this leaves the tree and lands on the secret.
        String escape = "../../" + outside.getFileName() + "/secret.txt";
        assertThat(inputError(spec("io/up.yaml", escape)).message()).contains("is outside the specs folder " + specs);
    }

    @Test
    void aSymbolicLinkThatLeavesTheTreeIsRefused() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(specs.resolve("data"));
        Files.createSymbolicLink(specs.resolve("data/link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(specs.resolve("data/zero"), Path.of("/dev/zero"));
        Files.createSymbolicLink(specs.resolve("data/dir"), outside);
        assertThat(inputError(spec("io/link.yaml", "../data/link.txt")).message()).contains("leads outside the specs folder");
        assertThat(inputError(spec("io/zero.yaml", "../data/zero")).message()).contains("leads outside the specs folder");
        assertThat(inputError(spec("io/dir.yaml", "../data/dir/secret.txt")).message()).contains("leads outside the specs folder");
    }

    @Test
    void aSpecFileThatIsALinkOutOfTheTreeIsRefused() throws Exception {
        Path target = Files.writeString(outside.resolve("elsewhere.yaml"), "spec: 1\nsource: \"harness: x\"\nfunction: echo\nexpect: {}\n");
        Path link = Files.createSymbolicLink(specs.resolve("linked.yaml"), target);
        SpecCatalog catalog = SpecCatalog.load(specs);
        assertThat(catalog.specs()).isEmpty();
        assertThat(catalog.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(link);
            assertThat(e.message()).contains("leads outside the specs folder");
        });
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        assertThat(inputError(spec("io/dir.yaml", ".")).message()).contains("is a directory");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = specs.resolve("data/pipe");
        Files.createDirectories(fifo.getParent());
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        Path file = spec("io/fifo.yaml", "../data/pipe");
        // Opening a FIFO with no writer blocks: a loader that opened it would never return.
        SpecLoadError error = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> inputError(file));
        assertThat(error.message()).contains("is not a regular file");

        Path fifoSpec = specs.resolve("pipe.yaml");
        assumeTrue(mkfifo(fifoSpec), "mkfifo is not available here");
        SpecCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SpecCatalog.load(specs));
        assertThat(catalog.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo(fifoSpec);
            assertThat(e.message()).contains("is not a regular file");
        });
    }

    @Test
    void aFileAboveTheCapIsRefusedBeforeItIsRead() throws Exception {
        Path big = specs.resolve("data/big.bin");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(SpecTree.MAX_DATA_FILE_BYTES + 1L);
        }
        assertThat(inputError(spec("io/big.yaml", "../data/big.bin")).message())
                .contains("is " + (SpecTree.MAX_DATA_FILE_BYTES + 1L) + " bytes", "at most 64 MiB", "harness/docs/limits.md");
    }

    @Test
    void anExpectedOutputFileIsConfinedToo() throws Exception {
        Path file = specs.resolve("io/out.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                spec: 1
                source: "harness: made in a test"
                function: echo
                expect:
                  output: {file: "/etc/hostname"}
                """);
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOfSatisfying(SpecLoadException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(5);
                    assertThat(error.field()).isEqualTo("/expect/output/file");
                }));
    }

    @Test
    void aSpecFileAboveItsCapIsRefused() throws Exception {
        Path file = specs.resolve("huge.yaml");
        Files.writeString(file, "spec: 1\nsummary: \"" + "x".repeat(SpecTree.MAX_YAML_FILE_BYTES) + "\"\n");
        assertThatThrownBy(() -> new SpecLoader(specs).load(file))
                .isInstanceOf(SpecLoadException.class).hasMessageContaining("at most 1 MiB");
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
