package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expectations --from} edits the files of the backends that ran, leaving what people wrote in place. */
class ExpectationsCommandTest {
    private static final String WAVM = """
            # Kept: the file's own header.
            expectations:
              # about a, which now passes
              - spec: io/a
                status: FAIL
                reason: &shared >-
                  one reason
                  for two specs
              - spec: io/b   # still failing
                status: FAIL
                reason: b is broken
              # about c
              - spec: io/c
                status: FAIL
                reason: *shared
            # trailing words
            """;
    private static final String BROWSER = """
            # The browser did not run: not one byte of this file may change.
            expectations:
              - {spec: io/a, status: FAIL, reason: &r why}
              - {spec: io/b, status: FAIL, reason: *r}
            """;

    @Test
    void keepsCommentsAnchorsAndOrderAndLeavesBackendsThatDidNotRunAlone(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            project.write("specs/io/" + id + ".yaml",
                    "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\ninput: {text: hi}\nexpect: {output: {text: hi}}\n");
        }
        Path wavm = project.write("specs/expectations/faasm-wavm.yaml", WAVM);
        Path browser = project.write("specs/expectations/browser.yaml", BROWSER);
        Path report = project.write("report.json", """
                {"format": 1,
                 "backends": [{"name": "jvm-wavm", "expectations": "faasm-wavm"}, {"name": "browser", "expectations": "browser"}],
                 "results": [
                  {"spec": "io/a", "backend": "jvm-wavm", "status": "XPASS"},
                  {"spec": "io/b", "backend": "jvm-wavm", "status": "XFAIL", "expectation": {"status": "FAIL"}},
                  {"spec": "io/c", "backend": "jvm-wavm", "status": "XFAIL", "expectation": {"status": "FAIL"}},
                  {"spec": "io/d", "backend": "jvm-wavm", "status": "ERROR"},
                  {"spec": "io/a", "backend": "browser", "status": "UNAVAILABLE"},
                  {"spec": "io/d", "backend": "browser", "status": "UNAVAILABLE"}]}
                """);

        Cli.Result result = Cli.run("expectations", "--from", report.toString(), "--root", root.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains(browser + ": left as it is (no backend judged by it ran)")
                .contains(wavm + ": 3 entries before, 3 now, 1 to triage");
        assertThat(Files.readString(browser)).isEqualTo(BROWSER);
        assertThat(Files.readString(wavm)).isEqualTo("""
                # Kept: the file's own header.
                expectations:
                  - spec: io/b   # still failing
                    status: FAIL
                    reason: b is broken
                  # about c
                  - spec: io/c
                    status: FAIL
                    reason: &shared "one reason for two specs"
                  - spec: "io/d"
                    status: ERROR
                    reason: "TODO: triage"
                # trailing words
                """);
        assertThat(Cli.run("expectations", "--from", report.toString(), "--root", root.toString()).out()).contains(wavm + ": unchanged");
    }

    @Test
    void anAliasReadsAsTheTextOfItsAnchor() {
        var entries = new ExpectationsLoader(new Backends().names()).load(ProjectLayout.locate().expectations()).forBackend("faasm-wamr");
        var anchored = entries.lookup("state/push_unknown_key").orElseThrow().reason();
        assertThat(anchored).startsWith("The host call throws a plain C++ exception");
        assertThat(entries.lookup("state/write_zero_new_key").orElseThrow().reason()).isEqualTo(anchored);
    }
}
