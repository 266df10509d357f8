package org.faasm.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Path;
import java.util.Map;
import org.faasm.conformance.run.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The suite as another project's build sees it: a suite class, a container per spec from its file, a test per backend. */
class ConformanceTestEngineTest {

    @ConformanceSuite
    static class ProjectConformanceTest {}

    static class UnrelatedTest {}

    @TempDir
    Path reports;

    @Test
    void aSuiteClassHoldsAContainerPerSpecFromItsFileAndATestPerBackend() {
        EngineDiscoveryResults found = EngineTestKit.engine(ConformanceTestEngine.ID)
                .configurationParameters(Map.of("conformance.specs", "io/echo_text,chaining/by_name", "conformance.backends", "jvm-wavm,node"))
                .selectors(selectClass(ProjectConformanceTest.class)).discover();
        TestDescriptor suite = found.getEngineDescriptor().getChildren().iterator().next();
        assertThat(suite.getSource()).contains(ClassSource.from(ProjectConformanceTest.class));
        assertThat(suite.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("chaining/by_name", "io/echo_text");
        TestDescriptor echo = suite.getChildren().stream().filter(d -> d.getDisplayName().equals("io/echo_text")).findFirst().orElseThrow();
        FileSource file = (FileSource) echo.getSource().orElseThrow();
        assertThat(file.getFile().toPath()).isEqualTo(ProjectLayout.locate().specs().resolve("io/echo_text.yaml"));
        assertThat(echo.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("io/echo_text [jvm-wavm]", "io/echo_text [node]");
        assertThat(echo.getChildren()).allSatisfy(test -> assertThat(test.getSource()).containsInstanceOf(FileSource.class));
    }

    @Test
    void theUniqueIdOfOneTestRunsJustThatSpecOnThatBackend() {
        UniqueId test = UniqueId.forEngine(ConformanceTestEngine.ID).append("class", ProjectConformanceTest.class.getName())
                .append("spec", "io/echo_text").append("backend", "jvm-wamr");
        EngineTestKit.Builder kit = EngineTestKit.engine(ConformanceTestEngine.ID)
                .configurationParameters(Map.of("conformance.reports", reports.toString())).selectors(selectUniqueId(test));
        TestDescriptor suite = kit.discover().getEngineDescriptor().getChildren().iterator().next();
        assertThat(suite.getChildren()).singleElement().satisfies(spec -> assertThat(spec.getChildren())
                .extracting(TestDescriptor::getUniqueId).containsExactly(test));
        kit.execute().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void noSuiteClassSelectedMeansNoSuite() {
        EngineDiscoveryResults found = EngineTestKit.engine(ConformanceTestEngine.ID).selectors(selectClass(UnrelatedTest.class)).discover();
        assertThat(found.getEngineDescriptor().getChildren()).isEmpty();
    }
}
