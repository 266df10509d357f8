package org.faasm.conformance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.SchemaResource;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column run by a command, through the adapter protocol only: tiny shell adapters that answer,
 * fail, hang or misbehave, each judged by the real runner against the embedded cluster.
 */
class ProcessBackendTest {
    /** Each spec's deadline; wide, as the first run starts the cluster's client. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETURNED = "{\"observation\":{\"function\":\"echo\",\"funcPtr\":0,\"outcome\":\"RETURNED\","
            + "\"returnValue\":0,\"output\":\"%s\"}}";

    private static ProjectLayout layout;
    private static Spec echo;
    private static SpecRunner runner;

    @BeforeAll
    static void load() {
        layout = ProjectLayout.locate();
        echo = SpecCatalog.load(layout.specs()).specs().stream().filter(s -> s.id().equals("io/echo_text")).findFirst().orElseThrow();
        runner = new SpecRunner(DEADLINE);
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    @Test
    void anAdapterThatEchoesItsInputPassesAndSeesOnlyTheRunRequest(@TempDir Path dir) throws Exception {
        // The shell adapter keeps its request, then answers the input back as the output.
        Path adapter = adapter(dir, "echoer", "cat > request.json\n"
                + "input=$(sed 's/.*\"input\":\"\\([^\"]*\\)\".*/\\1/' request.json)\n"
                + "printf '" + RETURNED.replace("%s", "%s") + "' \"$input\"\n");
        try (Backend backend = backend(adapter)) {
            Verdict verdict = runner.run(echo, backend);
            assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
        }
        JsonNode request = JSON.readTree(dir.resolve("request.json").toFile());
        assertThat(new SchemaResource("/schema/run-request-v1.schema.json").validate(request)).isEmpty();
        assertThat(request.get("protocol").asText()).isEqualTo(ProcessBackend.PROTOCOL);
        assertThat(request.get("spec").asText()).isEqualTo("io/echo_text");
        assertThat(request.toString()).doesNotContain("expect", "summary", "source");
    }

    @Test
    void anAdapterThatFailsIsAnErrorNamingItsExitCodeAndStandardError(@TempDir Path dir) throws Exception {
        try (Backend backend = backend(adapter(dir, "failing", "cat > /dev/null\necho 'cannot link the module' >&2\nexit 3\n"))) {
            Verdict verdict = runner.run(echo, backend);
            assertThat(verdict.status()).isEqualTo(Status.ERROR);
            assertThat(verdict.message()).contains("adapter 'failing' exited with code 3", "cannot link the module");
        }
    }

    @Test
    void anAnswerThatIsNoObservationIsAnErrorNamingTheField(@TempDir Path dir) throws Exception {
        try (Backend notJson = backend(adapter(dir, "chatty", "cat > /dev/null\necho 'hello'\n"));
                Backend noOutcome = backend(adapter(dir, "sloppy",
                        "cat > /dev/null\necho '{\"observation\":{\"function\":\"echo\",\"funcPtr\":0,\"returnValue\":0,\"output\":\"\"}}'\n"))) {
            assertThat(runner.run(echo, notJson).message()).contains("adapter 'chatty' did not answer JSON");
            Verdict missing = runner.run(echo, noOutcome);
            assertThat(missing.status()).isEqualTo(Status.ERROR);
            assertThat(missing.message()).contains("observation-v1.schema.json", "/observation", "outcome");
        }
    }

    @Test
    void anAdapterThatHangsIsKilledAtTheDeadline(@TempDir Path dir) throws Exception {
        try (Backend backend = backend(adapter(dir, "stuck", "echo $$ > pid\nexec sleep 600\n"));
                SpecRunner quick = new SpecRunner(Duration.ofSeconds(2))) {
            Verdict verdict = quick.run(echo, backend);
            assertThat(verdict.status()).isEqualTo(Status.TIMEOUT);
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the adapter's process").isFalse();
        }
    }

    @Test
    void aMissingCommandIsUnavailableNamingHowToInstallIt(@TempDir Path dir) throws Exception {
        Path declaration = Files.writeString(dir.resolve("absent.yaml"), "adapter: 1\nsummary: nothing here\n"
                + "command: [bin/absent]\ninstall: make absent\nvm: wavm\ncapabilities: []\n");
        try (Backend backend = new ProcessBackend(AdapterDeclaration.load(declaration), layout.wasm())) {
            assertThat(backend.availability().available()).isFalse();
            assertThat(backend.availability().reason()).contains("bin/absent is not there", "install it: make absent");
        }
    }

    @Test
    void aMistakenDeclarationNamesTheFileLineAndField(@TempDir Path dir) throws IOException {
        Path declaration = Files.writeString(dir.resolve("bad.yaml"), "adapter: 1\nsummary: x\ncommand: [x]\nvm: v8\n"
                + "capabilities: [teleport]\n");
        assertThatThrownBy(() -> AdapterDeclaration.load(declaration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("line 4: /vm").hasMessageContaining("line 5: /capabilities/0");
        Path badName = Files.writeString(dir.resolve("Bad Name.yaml"), "adapter: 1\n");
        assertThatThrownBy(() -> AdapterDeclaration.load(badName)).hasMessageContaining("the file name must be the column's name");
    }

    private static Path adapter(Path dir, String name, String script) throws IOException {
        Path program = dir.resolve(name + ".sh");
        Files.writeString(program, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Files.writeString(dir.resolve(name + ".yaml"), "adapter: 1\nsummary: a shell adapter\ncommand: [./" + name
                + ".sh]\nvm: wavm\ncapabilities: [captured-stdio]\n");
    }

    private static Backend backend(Path declaration) {
        return new ProcessBackend(AdapterDeclaration.load(declaration), layout.wasm());
    }
}
