package org.faasm.conformance.junit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.hostinterface.ModuleImports;
import org.faasm.conformance.junit.SuiteDescriptors.FailingDescriptor;
import org.faasm.conformance.junit.SuiteDescriptors.SpecDescriptor;
import org.faasm.conformance.junit.SuiteDescriptors.SuiteClassDescriptor;
import org.faasm.conformance.junit.SuiteDescriptors.VerdictDescriptor;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.Choices;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.Selection;
import org.faasm.conformance.run.SpecJudge;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.FailureReport;
import org.faasm.conformance.verdict.Verdict;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * The conformance suite as a JUnit Platform engine: selecting a {@link ConformanceSuite} class runs
 * every spec of the project on the chosen backends — under that class, a container per spec (its source
 * the spec file) with a test per backend named {@code <spec id> [<backend>]}; selecting the unique id of
 * one of them (as IDEs and PIT re-run a single test) discovers the suite with only that part of it. Verdicts come from the same
 * {@link SpecJudge} as the command line: FAIL and XPASS fail, ERROR and TIMEOUT are errors (not
 * assertion failures), SKIP, UNAVAILABLE, XFAIL and STALE are skipped with their reason; a file that did not
 * load is a failing test named by its path, and so is a selection of no spec unless allowed.
 *
 * <p>Configuration parameters (or system properties): {@code conformance.specs}, {@code .tags},
 * {@code .backends}, {@code .shard}, {@code .allowEmpty}, {@code .baseline}, {@code .timeoutMs} (each spec's
 * deadline when it sets none), {@code .reports} (where
 * report.json, index.html and summary.md go; default {@code target/conformance-reports} in the
 * working directory, the build's own target folder under Maven), {@code conformance.root} (the project holding specs/ and wasm/).
 */
public final class ConformanceTestEngine implements TestEngine {
    public static final String ID = "faasm-conformance";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Faasm conformance");
        UniqueIdPicks picks = UniqueIdPicks.of(request, uniqueId);
        Optional<Class<?>> suiteClass = request.getSelectorsByType(ClassSelector.class).stream().<Class<?>>map(ClassSelector::getJavaClass)
                .filter(c -> c.isAnnotationPresent(ConformanceSuite.class)).findFirst().or(picks::suiteClass);
        if (suiteClass.isEmpty()) {
            return engine;
        }
        SuiteClassDescriptor suite = new SuiteClassDescriptor(uniqueId, suiteClass.get());
        engine.addChild(suite);
        UniqueId parent = suite.getUniqueId();
        ProjectLayout layout = ProjectLayout.locate();
        Settings settings = new Settings(request.getConfigurationParameters());
        Backends registry = new Backends();
        DiscoveryCache.Loaded loaded = DiscoveryCache.load(layout, registry.names());
        SpecCatalog catalog = loaded.catalog();
        Expectations expectations = loaded.expectations();
        List<SpecLoadError> loadErrors = new ArrayList<>(catalog.errors());
        loadErrors.addAll(expectations.errors());
        for (SpecLoadError error : loadErrors) {
            Path file = error.file().startsWith(layout.specs()) ? layout.specs().relativize(error.file()) : error.file();
            FailingDescriptor failing = new FailingDescriptor(parent, "load:" + file, "load " + file,
                    SuiteDescriptors.fileSource(error.file(), error.line()), error.toString());
            if (picks.keeps(failing.getUniqueId())) {
                suite.addChild(failing);
            }
        }
        Selection selection = Selection.from(settings::get);
        List<Spec> specs = selection.select(catalog.specs()).stream().filter(spec -> picks.keeps(SpecDescriptor.id(parent, spec))).toList();
        if (specs.isEmpty() && !settings.get("conformance.allowEmpty").map(Boolean::parseBoolean).orElse(false)) {
            // A typo in conformance.specs must not turn a build green by running nothing.
            suite.addChild(new FailingDescriptor(parent, "selection", "selection", null,
                    Choices.noSpecSelected(selection, catalog, "-Dconformance.allowEmpty=true")));
        }
        List<String> selected = selection.backendsOr(registry.names());
        Set<String> backends = new LinkedHashSet<>();
        for (Spec spec : specs) {
            SpecDescriptor container = new SpecDescriptor(parent, spec);
            selected.stream().map(name -> new VerdictDescriptor(container, name)).filter(test -> picks.keeps(test.getUniqueId()))
                    .forEach(test -> {
                        container.addChild(test);
                        backends.add(test.backend);
                    });
            suite.addChild(container);
        }
        return new SuiteDescriptor(engine, layout, registry, expectations, List.copyOf(backends), loadErrors, settings);
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        if (!(root instanceof SuiteDescriptor suite)) {
            listener.executionFinished(root, TestExecutionResult.successful());
            return;
        }
        try {
            suite.run(listener);
            listener.executionFinished(root, TestExecutionResult.successful());
        } catch (RuntimeException | IOException e) {
            listener.executionFinished(root, TestExecutionResult.failed(e));
        }
    }

    /** JUnit's configuration parameters, then system properties (a launcher may leave those out of its parameters). */
    private record Settings(ConfigurationParameters parameters) {
        Optional<String> get(String key) {
            return parameters.get(key).or(() -> Optional.ofNullable(System.getProperty(key)));
        }
    }

    /** The root when the suite was selected: what discovery found, and how to run it. */
    private static final class SuiteDescriptor extends EngineDescriptor {
        private final ProjectLayout layout;
        private final Backends registry;
        private final Expectations expectations;
        private final List<String> backends;
        private final List<SpecLoadError> loadErrors;
        private final Settings settings;

        SuiteDescriptor(EngineDescriptor found, ProjectLayout layout, Backends registry, Expectations expectations,
                List<String> backends, List<SpecLoadError> loadErrors, Settings settings) {
            super(found.getUniqueId(), found.getDisplayName());
            found.getChildren().forEach(this::addChild);
            this.layout = layout;
            this.registry = registry;
            this.expectations = expectations;
            this.backends = backends;
            this.loadErrors = loadErrors;
            this.settings = settings;
        }

        void run(EngineExecutionListener listener) throws IOException {
            Instant started = Instant.now();
            List<SpecOutcome> outcomes = new ArrayList<>();
            BackendPool pool = BackendPool.create(registry, new BackendConfig(layout.wasm()), backends);
            TestDescriptor suite = getChildren().iterator().next();
            listener.executionStarted(suite);
            Duration timeout = settings.get("conformance.timeoutMs").map(Long::parseLong).map(Duration::ofMillis)
                    .orElse(SpecRunner.DEFAULT_TIMEOUT);
            try (SpecJudge judge = new SpecJudge(pool, expectations, timeout)) {
                for (TestDescriptor child : suite.getChildren()) {
                    if (child instanceof FailingDescriptor failing) {
                        listener.executionStarted(failing);
                        listener.executionFinished(failing, TestExecutionResult.failed(new AssertionFailedError(failing.message)));
                    } else if (child instanceof SpecDescriptor spec) {
                        listener.executionStarted(spec);
                        SpecOutcome outcome = judge.judge(spec.spec);
                        outcomes.add(outcome);
                        spec.getChildren().forEach(test -> report(listener, (VerdictDescriptor) test, outcome));
                        listener.executionFinished(spec, TestExecutionResult.successful());
                    }
                }
            } finally {
                pool.close();
                listener.executionFinished(suite, TestExecutionResult.successful());
            }
            RunResult run = new RunResult(started, Instant.now(), pool.infos(), List.copyOf(outcomes), List.copyOf(loadErrors));
            Path folder = settings.get("conformance.reports").map(Path::of)
                    .orElse(Path.of("target", "conformance-reports").toAbsolutePath());
            Optional<Path> baseline = settings.get("conformance.baseline").filter(s -> !s.isBlank()).map(Path::of);
            ReportWriter.Written written = ReportWriter.write(run, Coverage.of(run, new ModuleImports(layout.wasm())),
                    RunInfo.of(layout.root()), baseline, folder);
            System.out.println("Conformance reports: " + written.json() + ", " + written.html() + ", " + written.markdown());
        }

        private static void report(EngineExecutionListener listener, VerdictDescriptor test, SpecOutcome outcome) {
            Verdict verdict = outcome.verdicts().stream().filter(v -> v.backend().equals(test.backend)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the judge gave no verdict of " + test.backend));
            switch (verdict.status()) {
                case SKIP, UNAVAILABLE, XFAIL, STALE -> listener.executionSkipped(test, verdict.status() + ": " + verdict.message());
                default -> {
                    listener.executionStarted(test);
                    listener.executionFinished(test, switch (verdict.status()) {
                        case PASS -> TestExecutionResult.successful();
                        case FAIL, XPASS -> TestExecutionResult.failed(new AssertionFailedError(FailureReport.render(verdict)));
                        default -> TestExecutionResult.failed(new VerdictError(FailureReport.render(verdict)));
                    });
                }
            }
        }
    }
}
