package org.faasm.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.FailureReport;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The conformance suite as JUnit tests: one test per spec × backend, named {@code <spec id> [<backend>]},
 * its source the spec file. Narrow it with {@code -Dconformance.specs=chain/*},
 * {@code -Dconformance.tags=state} and {@code -Dconformance.backends=jvm}.
 */
class ConformanceSuiteTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        ProjectLayout layout = ProjectLayout.locate();
        Selection selection = Selection.fromSystemProperties();
        SpecCatalog catalog = SpecCatalog.load(layout.specs());
        List<Spec> specs = selection.specSelector().select(catalog.specs());
        Backends registry = new Backends();
        SpecRunner runner = new SpecRunner(SpecRunner.DEFAULT_TIMEOUT);
        List<Backend> backends = new ArrayList<>();
        List<DynamicNode> nodes = new ArrayList<>();
        catalog.errors().stream().map(ConformanceSuiteTest::loadFailure).forEach(nodes::add);
        for (String name : selection.backendsOr(registry.names())) {
            Backend backend = registry.create(name, new BackendConfig(layout.wasm()));
            backends.add(backend);
            Availability availability = backend.availability();
            nodes.add(DynamicContainer.dynamicContainer(name, specs.stream()
                    .map(spec -> DynamicTest.dynamicTest(spec.id() + " [" + name + "]", spec.source().toUri(),
                            () -> check(runner, spec, backend, availability)))));
        }
        return nodes.stream().onClose(() -> {
            backends.forEach(Backend::close);
            runner.close();
        });
    }

    private static void check(SpecRunner runner, Spec spec, Backend backend, Availability availability) {
        if (!availability.available()) {
            throw new TestAbortedException("UNAVAILABLE: " + backend.name() + ": " + availability.reason());
        }
        Verdict verdict = runner.run(spec, backend);
        if (verdict.status() == Status.SKIP) {
            throw new TestAbortedException("SKIP: " + verdict.message());
        }
        if (verdict.status().isFailure()) {
            fail(FailureReport.render(verdict));
        }
    }

    private static DynamicTest loadFailure(SpecLoadError error) {
        return DynamicTest.dynamicTest("load " + error.file().getFileName(), error.file().toUri(), () -> fail(error.toString()));
    }
}
