package org.faasm.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Map;
import org.faasm.conformance.testing.SystemProperties;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The suite as CI pages read it: FAIL a failure, ERROR an error, XFAIL aborted with its reason, a load error named by path. */
class JUnitConventionsTest {
    private static final String ECHO = "spec: 1\nsource: \"harness: made in a test\"\nfunction: %s\ninput: {text: hi}\nexpect: {output: {text: %s}}\n";

    @Test
    void verdictsMapToJUnitOutcomesAsCiPagesCountThem(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text");
        project.write("specs/io/failing.yaml", ECHO.formatted("echo", "bye"));
        project.write("specs/io/expected.yaml", ECHO.formatted("echo", "bye"));
        project.write("specs/io/no_module.yaml", ECHO.formatted("no_such_module", "hi"));
        project.write("specs/bad/broken.yaml", "spec: 1\nfunction: [\n");
        project.write("specs/expectations/faasm-wavm.yaml",
                "expectations:\n  - {spec: io/expected, status: FAIL, reason: asks for the wrong output on purpose}\n");

        Events tests = SystemProperties.with(Map.of("conformance.root", root.toString(), "conformance.reports", root.resolve("out").toString(),
                "conformance.backends", "jvm-wavm"), () -> EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ConformanceSuiteTest.class)).execute().testEvents());

        assertThat(thrown(tests, "io/failing [jvm-wavm]")).isInstanceOf(AssertionError.class).hasMessageContaining("FAIL");
        assertThat(thrown(tests, "io/no_module [jvm-wavm]")).isNotInstanceOf(AssertionError.class).hasMessageContaining("ERROR");
        assertThat(thrown(tests, "load bad/broken.yaml")).isInstanceOf(AssertionError.class).hasMessageContaining("broken.yaml");
        assertThat(tests.aborted().stream()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("io/expected [jvm-wavm]");
            assertThat(event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                    .hasMessageStartingWith("XFAIL: ").hasMessageContaining("on purpose");
        });
        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName())).containsExactly("io/echo_text [jvm-wavm]");
    }

    private static Throwable thrown(Events tests, String name) {
        Event event = tests.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no failed test " + name));
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
