package org.faasm.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.faasm.conformance.junit.ConformanceTestEngine;
import org.faasm.conformance.testing.SystemProperties;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@code mvn verify -Dconformance.specs=<a typo>} fails instead of running nothing and passing. */
class EmptySelectionTest {

    @Test
    void aSelectionOfNoSpecIsAFailingTest(@TempDir Path root) throws Exception {
        Events tests = suite(root, Map.of());
        assertThat(tests.failed().stream()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("selection");
            assertThat(event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                    .hasMessageContaining("no spec matches specs [nomatch/*]").hasMessageContaining("areas: io")
                    .hasMessageContaining("-Dconformance.allowEmpty=true");
        });
    }

    @Test
    void anEmptySelectionPassesWhenAllowed(@TempDir Path root) throws Exception {
        assertThat(suite(root, Map.of("conformance.allowEmpty", "true")).count()).isZero();
    }

    private static Events suite(Path root, Map<String, String> extra) throws Exception {
        new TempProject(root).copySpec("io/echo_text");
        Map<String, String> properties = new HashMap<>(Map.of("conformance.root", root.toString(),
                "conformance.reports", root.resolve("out").toString(), "conformance.backends", "jvm-wavm",
                "conformance.specs", "nomatch/*"));
        properties.putAll(extra);
        return SystemProperties.with(properties, () -> EngineTestKit.engine(ConformanceTestEngine.ID)
                .selectors(selectClass(ConformanceSuiteTest.class)).execute().testEvents());
    }
}
