package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certify} on a small corpus: a certificate and badge; {@code --verify} accepts it, and rejects it once a spec changes. */
class CertifyCommandTest {

    @Test
    void aCertificateHoldsUntilTheCorpusChanges(@TempDir Path root, @TempDir Path out) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text").copySpec("state/offset");
        project.write("specs/profiles/core.yaml", "profile: 1\nsource: \"harness: a test\"\nsummary: input and output\nspecs: [\"io/*\"]\n");
        project.write("specs/profiles/state-wavm.yaml", "profile: 1\nsource: \"harness: a test\"\nsummary: offsets\nspecs: [\"state/*\"]\nrequiringAny: [state-offset]\n");

        Cli.Result wamr = Cli.run("certify", "--root", root.toString(), "--backend", "jvm-wamr", "--out", out.toString());
        assertThat(wamr.exit()).as(wamr.toString()).isEqualTo(1);
        assertThat(wamr.out()).contains("conformant     core (1/1)", "not conformant state-wavm (0/1)");
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(certificate.path("backend").asText()).isEqualTo("jvm-wamr");
        assertThat(certificate.path("profiles").path("state-wavm").path("failing").get(0).path("spec").asText()).isEqualTo("state/offset");
        assertThat(certificate.path("profiles").path("state-wavm").path("failing").get(0).path("status").asText()).isEqualTo("SKIP");
        assertThat(Files.readString(out.resolve("badge.svg"))).contains("<svg", "1/2: core", "#fe7d37");

        Cli.Result valid = Cli.run("certify", "--root", root.toString(), "--verify", out.resolve("certificate.json").toString());
        assertThat(valid.exit()).as(valid.toString()).isZero();
        assertThat(valid.out()).contains("valid: jvm-wamr is conformant to core");

        project.write("specs/io/echo_text.yaml", Files.readString(root.resolve("specs/io/echo_text.yaml")) + "\n# edited\n");
        Cli.Result rejected = Cli.run("certify", "--root", root.toString(), "--verify", out.resolve("certificate.json").toString());
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.out()).contains("rejected", "the corpus changed", "specs/io/echo_text.yaml changed");
    }

    @Test
    void anUnknownProfileOrBackendIsAUsageErrorNamingTheKnownOnes() {
        Cli.Result profile = Cli.run("certify", "--backend", "jvm-wavm", "--profile", "nosuch");
        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.err()).contains("unknown profile 'nosuch'; known: ", "core", "state-wavm");
        Cli.Result backend = Cli.run("certify", "--backend", "nosuch");
        assertThat(backend.exit()).isEqualTo(2);
        assertThat(backend.err()).contains("unknown backend 'nosuch'; known: ", "jvm-wavm");
    }

    /** A FIFO given as the certificate is refused at once instead of blocking the read for ever. */
    @Test
    void aFifoIsRefusedNotWaitedOn(@TempDir Path root) throws Exception {
        new TempProject(root).copySpec("io/echo_text");
        Path fifo = root.resolve("certificate.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo made a FIFO");
        Cli.Result refused = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> Cli.run("certify", "--root", root.toString(), "--verify", fifo.toString()));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--verify: cannot read a certificate at " + fifo + ": not a regular file");
    }
}
