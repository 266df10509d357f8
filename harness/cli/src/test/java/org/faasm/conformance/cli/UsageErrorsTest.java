package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every usage error is one line naming the valid choices, exit code 2 (1 means "specs failed"), no
 * stack trace, and is found before anything runs or any report is written.
 */
class UsageErrorsTest {

    @Test
    void aSelectionOfNoSpecIsAnErrorNamingTheAreasAndTagsAndWritesNothing(@TempDir Path out) {
        Cli.Result result = Cli.run("run", "--spec", "nomatch/*", "--out", out.resolve("reports").toString());
        assertOneLineUsageError(result, "run: no spec matches specs [nomatch/*]", "areas: ", "chaining", "tags: ", "--allow-empty");
        assertThat(out.resolve("reports/report.json")).doesNotExist();
    }

    @Test
    void anEmptySelectionRunsWhenAllowed(@TempDir Path out) {
        Cli.Result result = Cli.run("run", "--spec", "nomatch/*", "--allow-empty", "--backend", "jvm-wavm", "--out", out.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(out.resolve("report.json")).exists();
    }

    @Test
    void anUnknownBackendNamesTheKnownOnes() {
        assertOneLineUsageError(Cli.run("run", "--backend", "nosuch"), "unknown backend 'nosuch'; known: ", "jvm-wavm", "faasm-wamr");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineUsageError(Cli.run("run", "--spec", "io/echo_text", "--out", file.toString()), "cannot write the reports to " + file);
    }

    @Test
    void aBaselineThatIsNoReportIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "not json");
        Path otherJson = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");
        assertOneLineUsageError(Cli.run("run", "--baseline", notJson.toString()), "--baseline: " + notJson + " is not a report.json");
        assertOneLineUsageError(Cli.run("run", "--baseline", otherJson.toString()), "--baseline: " + otherJson + " is not a report.json");
        assertOneLineUsageError(Cli.run("run", "--baseline", dir.resolve("missing.json").toString()), "--baseline: no report at ");
    }

    @Test
    void aMistakenDeploymentDeclarationIsAUsageErrorNamingIt() {
        System.setProperty("faasm.deployments", "name=team,vm=wavm");
        try {
            assertOneLineUsageError(Cli.run("run", "--spec", "io/echo_text"), "Faasm deployment 'name=team,vm=wavm': planner= is missing");
        } finally {
            System.clearProperty("faasm.deployments");
        }
    }

    @Test
    void aShardIsIOfN() {
        assertOneLineUsageError(Cli.run("run", "--shard", "3/2"), "--shard: a shard is i/n with 1 <= i <= n, not 3/2");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertOneLineUsageError(Cli.run("run", "--timeout", "-5"), "--timeout must be a positive number of milliseconds, not -5");
    }

    @Test
    void benchNamesItsSectionsAndKernels() {
        assertOneLineUsageError(Cli.run("bench", "--sections", "nosuch"), "unknown section 'nosuch'; known: kernels, suite, cold-start");
        assertOneLineUsageError(Cli.run("bench", "--kernels", "nosuch"), "unknown kernel 'nosuch' (known: fib, sha256");
    }

    @Test
    void expectationsNeedsAReport() {
        assertOneLineUsageError(Cli.run("expectations", "--from", "/missing"), "expectations: --from: no report at /missing");
    }

    @Test
    void versionAndHelpSayWhatThereIs() {
        Cli.Result version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("faasm-conformance ").contains("Java");
        Cli.Result help = Cli.run("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Backends: ").contains("jvm-wavm").contains("faasm-wamr").contains("Spec areas (--spec 'AREA/*'): ")
                .contains("chaining").contains("Tags: ").contains("chain-ptr").contains("Examples:");
    }

    private static void assertOneLineUsageError(Cli.Result result, String... parts) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().strip()).as(result.toString()).contains(parts).doesNotContain("Exception", "\tat ");
        assertThat(result.err().strip().lines()).as(result.toString()).hasSize(1);
    }
}
