package org.faasm.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** summary.md as GitHub renders a comment: text stays text, line breaks stay visible, no machine paths. */
class MarkdownSummaryTest {

    @Test
    void messagesAreEscapedKeptOnOneLineAndFreeOfMachinePaths() throws Exception {
        String summary = MarkdownSummary.render(JsonReport.JSON.readTree("""
                {"format": 1, "run": {"specRevision": "unknown", "harness": "faasm-conformance dev"},
                 "backends": [{"name": "jvm-wavm", "version": "1"}],
                 "countsByBackend": {"jvm-wavm": {"FAIL": 1, "XPASS": 1}},
                 "specs": [],
                 "loadErrors": [{"file": "/home/ci/work/faasm-conformance/specs/bad/x.yaml", "line": 3, "field": "/expect",
                                 "message": "expected <scalar>, got a *list*"}],
                 "results": [
                   {"spec": "io/a", "backend": "jvm-wavm", "status": "FAIL", "message": "output: expected regex \\"a\\\\nb|c\\"\\ngot `x`"},
                   {"spec": "io/b", "backend": "jvm-wavm", "status": "XPASS",
                    "message": "passes, but /tmp/junit-42/specs/expectations/faasm-wavm.yaml:5 expects FAIL; see /opt/cache/chromium/chrome"}],
                 "baseline": {"file": "/home/ci/old/report.json", "regressions": [], "fixes": [], "changes": []},
                 "coverage": {"imports": [], "gaps": []}}
                """));

        assertThat(summary).contains("- `specs/bad/x.yaml:3` /expect: expected &lt;scalar>, got a \\*list\\*")
                .contains("`io/a` [jvm-wavm] FAIL: output: expected regex \"a\\\\nb\\|c\"\\\\ngot \\`x\\`")
                .contains("passes, but specs/expectations/faasm-wavm.yaml:5 expects FAIL; see …/chrome")
                .contains("**Against baseline** `…/report.json`")
                .doesNotContain("/home/", "/tmp/", "/opt/", "<scalar>");
    }
}
