package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.File;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/** What this build sees of the suite before running it: a test per spec and backend, each from its spec's file. */
class SuiteShapeTest {

    @Test
    void eachSpecIsATestOnTheSampleBackendSourcedFromItsFile() {
        TestPlan plan = LauncherFactory.create().discover(request()
                .selectors(selectClass(SampleConformanceTest.class))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("faasm-conformance"))
                .build());
        Set<TestIdentifier> suites = plan.getChildren(plan.getRoots().iterator().next());
        TestIdentifier suite = suites.iterator().next();
        int tests = 0;
        for (TestIdentifier spec : plan.getChildren(suite)) {
            File file = ((FileSource) spec.getSource().orElseThrow()).getFile();
            assertEquals(spec.getDisplayName() + ".yaml", file.getParentFile().getName() + "/" + file.getName());
            for (TestIdentifier test : plan.getChildren(spec)) {
                assertTrue(test.isTest());
                assertEquals(spec.getDisplayName() + " [sample]", test.getDisplayName());
                assertEquals(file, ((FileSource) test.getSource().orElseThrow()).getFile());
                tests++;
            }
        }
        assertEquals(plan.getChildren(suite).size(), tests, "one test per spec on the one backend");
        assertTrue(tests > 10, "the io specs and chaining/by_name: " + tests);
    }
}
