package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxFileSystemTest {

    @Test
    void seededFilesAreReadBackByGuestPathWithTheirParentsMade() throws Exception {
        try (SandboxFileSystem files = SandboxFileSystem.seeded(Map.of("/a/b/c.txt", bytes("c"), "faasm://shared/d", bytes("d")))) {
            assertThat(Files.isDirectory(files.root().resolve("a/b"))).isTrue();
            assertThat(Files.readString(files.root().resolve("faasm:/shared/d"))).isEqualTo("d");
            Files.writeString(files.root().resolve("new.txt"), "n");
            assertThat(files.files()).containsOnlyKeys("/a/b/c.txt", "faasm://shared/d", "/new.txt");
        }
    }

    @Test
    void theHostReadsUnderTheRootWhateverThePathSaysAndNeverOutsideIt() throws Exception {
        try (SandboxFileSystem files = SandboxFileSystem.seeded(Map.of("/x.txt", bytes("x")))) {
            assertThat(files.read("/x.txt")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("x")));
            assertThat(files.read("x.txt")).isPresent();
            assertThat(files.read("//x.txt")).isPresent();
            assertThat(files.read("/../x.txt")).isEmpty();
            assertThat(files.read("/missing")).isEmpty();
            assertThat(files.read("/")).isEmpty();
        }
    }

    @Test
    void eachSandboxIsItsOwn() throws Exception {
        try (SandboxFileSystem first = SandboxFileSystem.seeded(Map.of());
                SandboxFileSystem second = SandboxFileSystem.seeded(Map.of())) {
            Files.writeString(first.root().resolve("only-here.txt"), "1");
            assertThat(second.files()).isEmpty();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
