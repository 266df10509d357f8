package org.faasm.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.faasm.conformance.junit.ConformanceTestEngine;
import org.faasm.conformance.cli.Main;
import org.faasm.conformance.testing.SystemProperties;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A stale expectation (an expected failure that now passes) must turn the build red, by the command
 * line and by {@code mvn verify}, with a message naming the file, line and entry; an expected failure
 * must not.
 */
class StaleExpectationTest {
    private static final String EXPECTATIONS = """
            expectations:
              - spec: io/failing
                status: FAIL
                reason: asks for the wrong output on purpose
              - spec: io/echo_text
                status: FAIL
                reason: echo was broken once
            """;

    @Test
    void theCommandLineRunFailsNamingTheStaleEntry(@TempDir Path root) throws Exception {
        Path expectations = project(root);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.commandLine().execute("run", "--root", root.toString(), "--backend", "jvm-wavm", "--out", root.resolve("out").toString());
        } finally {
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(output).contains("[1/2, 1 failing] XPASS   io/echo_text [jvm-wavm]")
                .contains("passes, but " + expectations + ":5 (spec: \"io/echo_text\") expects FAIL (echo was broken once); remove the entry")
                .contains("[2/2, 1 failing] XFAIL   io/failing [jvm-wavm]")
                .containsPattern("jvm-wavm +1 +1\\R");
        assertThat(root.resolve("out")).isDirectoryContaining(p -> p.endsWith("report.json"))
                .isDirectoryContaining(p -> p.endsWith("index.html")).isDirectoryContaining(p -> p.endsWith("summary.md"));
        assertThat(Files.readString(root.resolve("out/summary.md"))).contains("❌ failing").contains("`io/echo_text` [jvm-wavm] XPASS");
    }

    @Test
    void theJUnitSuiteFailsTheStaleEntryAndSkipsTheExpectedFailure(@TempDir Path root) throws Exception {
        Path expectations = project(root);
        Events tests = SystemProperties.with(Map.of("conformance.root", root.toString(), "conformance.reports", root.resolve("out").toString(),
                "conformance.backends", "jvm-wavm"), () -> EngineTestKit.engine(ConformanceTestEngine.ID)
                .selectors(selectClass(ConformanceSuiteTest.class)).execute().testEvents());

        assertThat(tests.failed().stream()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("io/echo_text [jvm-wavm]");
            assertThat(thrown(event).getMessage()).contains("XPASS").contains(expectations + ":5 (spec: \"io/echo_text\")");
        });
        assertThat(tests.skipped().stream()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("io/failing [jvm-wavm]");
            assertThat(event.getPayload(String.class)).hasValueSatisfying(reason -> assertThat(reason).contains("asks for the wrong output on purpose"));
        });
        assertThat(root.resolve("out/report.json")).exists();
    }

    private static Path project(Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text");
        project.write("specs/io/failing.yaml", "spec: 1\nsource: \"harness: made in a test\"\nfunction: echo\ninput: {text: hi}\nexpect: {output: {text: bye}}\n");
        // jvm-wavm is judged by the real WAVM column's file: its predictions are the model's results.
        return project.write("specs/expectations/faasm-wavm.yaml", EXPECTATIONS);
    }

    private static Throwable thrown(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
