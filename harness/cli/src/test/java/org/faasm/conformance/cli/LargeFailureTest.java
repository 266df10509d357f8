package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.faasm.conformance.junit.ConformanceTestEngine;
import org.faasm.conformance.testing.SystemProperties;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * One failing spec whose stdout is 1,000 lines: the console, the JUnit message and summary.md show a
 * bounded excerpt of it, not the whole (the page is checked in ReportBoundsTest, report.json there too).
 */
class LargeFailureTest {
    private static final String SPEC = """
            spec: 1
            source: "harness: made in a test"
            function: stdout_many
            input: {text: "1000"}
            expect: {stdout: {text: "not this"}}
            """;
    /** Far below the 1,000 lines and ~9 KB of the value, far above a failure's report. */
    private static final int MAX_LINES = 120;
    private static final int MAX_CHARS = 8 << 10;

    @Test
    void aThousandLineStdoutStaysAnExcerptOnTheConsoleInJUnitAndInTheSummary(@TempDir Path root) throws Exception {
        new TempProject(root).write("specs/stdio/large.yaml", SPEC);
        Cli.Result run = Cli.run("run", "--root", root.toString(), "--backend", "jvm-wavm", "--out", root.resolve("out").toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL    stdio/large [jvm-wavm]").contains("line 0");
        assertThat(run.out().lines().count()).as(run.out()).isLessThan(MAX_LINES);
        assertThat(run.out()).hasSizeLessThan(MAX_CHARS).contains("line 999", "8890 bytes in all, sha256 ").doesNotContain("line 500");
        assertThat(Files.readString(root.resolve("out/summary.md"))).contains("stdio/large").hasSizeLessThan(MAX_CHARS / 2);

        Event failed = SystemProperties.with(Map.of("conformance.root", root.toString(), "conformance.reports", root.resolve("junit").toString(),
                "conformance.backends", "jvm-wavm"), () -> EngineTestKit.engine(ConformanceTestEngine.ID)
                .selectors(selectClass("org.faasm.conformance.ConformanceSuiteTest")).execute().testEvents().failed().stream()
                .findFirst().orElseThrow());
        String message = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertThat(message).startsWith("stdio/large [jvm-wavm]: FAIL").hasSizeLessThan(MAX_CHARS);
        assertThat(message.lines().count()).isLessThan(MAX_LINES);
    }
}
