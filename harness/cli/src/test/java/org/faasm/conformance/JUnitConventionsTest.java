package org.faasm.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.faasm.conformance.junit.ConformanceTestEngine;
import org.faasm.conformance.testing.SystemProperties;
import org.faasm.conformance.testing.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The suite as CI pages read it: FAIL a failure, ERROR an error, SKIP and XFAIL skipped with their
 * reason, a load error named by path; and the same in the JUnit XML a CI tool parses.
 */
class JUnitConventionsTest {
    private static final String ECHO = "spec: 1\nsource: \"harness: made in a test\"\nfunction: %s\ninput: {text: hi}\nexpect: {output: {text: %s}}\n";

    @Test
    void verdictsMapToJUnitOutcomesAsCiPagesCountThem(@TempDir Path root) throws Exception {
        project(root);
        Events tests = SystemProperties.with(properties(root), () -> EngineTestKit.engine(ConformanceTestEngine.ID)
                .selectors(selectClass(ConformanceSuiteTest.class)).execute().testEvents());

        assertThat(thrown(tests, "io/failing [jvm-wavm]")).isInstanceOf(AssertionError.class).hasMessageContaining("FAIL");
        assertThat(thrown(tests, "io/no_module [jvm-wavm]")).isNotInstanceOf(AssertionError.class).hasMessageContaining("ERROR");
        assertThat(thrown(tests, "load bad/broken.yaml")).isInstanceOf(AssertionError.class).hasMessageContaining("broken.yaml");
        Map<String, String> skipped = new LinkedHashMap<>();
        tests.skipped().stream().forEach(e -> skipped.put(e.getTestDescriptor().getDisplayName(), e.getPayload(String.class).orElseThrow()));
        assertThat(skipped).containsOnlyKeys("io/expected [jvm-wavm]", "io/skipped [jvm-wavm]");
        assertThat(skipped.get("io/expected [jvm-wavm]")).startsWith("XFAIL: ").contains("on purpose");
        assertThat(skipped.get("io/skipped [jvm-wavm]")).startsWith("SKIP: ").contains("hangs the backend");
        assertThat(tests.aborted().count()).isZero();
        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName())).containsExactly("io/echo_text [jvm-wavm]");
    }

    @Test
    void theJUnitXmlCarriesEachOutcomeWithItsReason(@TempDir Path root) throws Exception {
        project(root);
        Path xml = root.resolve("xml");
        StringWriter out = new StringWriter();
        SystemProperties.with(properties(root), () -> {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ConformanceSuiteTest.class)).filters(EngineFilter.includeEngines(ConformanceTestEngine.ID)).build(),
                    new LegacyXmlReportGeneratingListener(xml, new PrintWriter(out)));
            return null;
        });
        Path file;
        try (Stream<Path> files = Files.list(xml)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).findFirst().orElseThrow();
        }
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = document.getDocumentElement();
        assertThat(List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"), suite.getAttribute("skipped")))
                .containsExactly("6", "2", "1", "2");
        Map<String, Element> cases = byDisplayName(document.getElementsByTagName("testcase"));

        assertThat(outcome(cases.get("io/echo_text [jvm-wavm]"))).isNull();
        assertThat(outcome(cases.get("io/failing [jvm-wavm]")).getTagName()).isEqualTo("failure");
        assertThat(outcome(cases.get("io/failing [jvm-wavm]")).getAttribute("message")).startsWith("io/failing [jvm-wavm]: FAIL");
        assertThat(outcome(cases.get("load bad/broken.yaml")).getTagName()).isEqualTo("failure");
        assertThat(outcome(cases.get("io/no_module [jvm-wavm]")).getTagName()).isEqualTo("error");
        assertThat(outcome(cases.get("io/no_module [jvm-wavm]")).getAttribute("message")).startsWith("io/no_module [jvm-wavm]: ERROR");
        // The reason and nothing else: no exception type, no stack trace.
        assertThat(outcome(cases.get("io/expected [jvm-wavm]")).getTextContent())
                .startsWith("XFAIL: expected FAIL (asks for the wrong output on purpose)").doesNotContain("Exception", "\tat ");
        assertThat(outcome(cases.get("io/skipped [jvm-wavm]")).getTextContent()).startsWith("SKIP: ").contains("hangs the backend")
                .doesNotContain("Exception", "\tat ");
    }

    /** Six tests on jvm-wavm: a pass, a FAIL, an XFAIL, a SKIP, an ERROR (no module) and a file that does not load. */
    private static void project(Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text");
        project.write("specs/io/failing.yaml", ECHO.formatted("echo", "bye"));
        project.write("specs/io/expected.yaml", ECHO.formatted("echo", "bye"));
        project.write("specs/io/skipped.yaml", ECHO.formatted("echo", "bye"));
        project.write("specs/io/no_module.yaml", ECHO.formatted("no_such_module", "hi"));
        project.write("specs/bad/broken.yaml", "spec: 1\nfunction: [\n");
        project.write("specs/expectations/faasm-wavm.yaml", """
                expectations:
                  - {spec: io/expected, status: FAIL, reason: asks for the wrong output on purpose}
                  - {spec: io/skipped, status: SKIP, reason: hangs the backend}
                """);
    }

    private static Map<String, String> properties(Path root) {
        return Map.of("conformance.root", root.toString(), "conformance.reports", root.resolve("out").toString(),
                "conformance.backends", "jvm-wavm");
    }

    /** The XML names a test by its method; its display name ends the path in its system-out. */
    private static Map<String, Element> byDisplayName(NodeList testcases) {
        Map<String, Element> cases = new LinkedHashMap<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            String out = testcase.getElementsByTagName("system-out").item(0).getTextContent();
            String path = out.lines().filter(l -> l.startsWith("display-name: ")).findFirst().orElseThrow();
            String name = path.substring(path.lastIndexOf(" > ") + " > ".length());
            cases.put(name, testcase);
        }
        return cases;
    }

    /** The testcase's failure, error or skipped element, or null when it passed. */
    private static Element outcome(Element testcase) {
        for (String tag : List.of("failure", "error", "skipped")) {
            if (testcase.getElementsByTagName(tag).getLength() > 0) {
                return (Element) testcase.getElementsByTagName(tag).item(0);
            }
        }
        return null;
    }

    private static Throwable thrown(Events tests, String name) {
        Event event = tests.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no failed test " + name));
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
