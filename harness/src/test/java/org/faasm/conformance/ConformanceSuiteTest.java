package org.faasm.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.cli.Choices;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.coverage.ModuleImports;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.report.ReportWriter;
import org.faasm.conformance.report.RunInfo;
import org.faasm.conformance.run.BackendPool;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance suite as JUnit tests: one test per spec × backend, named {@code <spec id> [<backend>]}.
 * A spec runs on every backend when its first test starts, so the backends can be compared. Verdicts
 * come from the same {@link SpecJudge} as the command line: FAIL and XPASS fail, ERROR and TIMEOUT are
 * errors, SKIP, UNAVAILABLE and XFAIL are skipped with their reason (so the JUnit XML gives
 * {@code <skipped message="…">}); a file that did not load is a failing test named by its path.
 * Afterwards the run's report.json, index.html and summary.md go to {@code -Dconformance.reports}
 * (default {@code harness/target/conformance-reports}). Narrow it with {@code -Dconformance.specs=chain/*},
 * {@code -Dconformance.tags=state}, {@code -Dconformance.backends=jvm-wavm}, {@code -Dconformance.shard=1/2}; compare with
 * {@code -Dconformance.baseline=<earlier report.json>}. A selection of no spec is a failing test
 * unless {@code -Dconformance.allowEmpty=true}.
 *
 * <p>Why a test template rather than dynamic tests: only a test JUnit skips (an execution condition)
 * reaches Surefire's XML with its reason as {@code message}; a dynamic test cannot be skipped, only
 * aborted, which Surefire writes without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceSuiteTest {
    private final List<SpecOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<SpecLoadError> loadErrors = new ArrayList<>();
    private ProjectLayout layout;
    private SpecCatalog catalog;
    private BackendPool pool;
    private SpecJudge judge;
    private Instant started;

    @RegisterExtension
    final TestTemplateInvocationContextProvider tests = new SuiteTests();

    @BeforeAll
    void open() {
        started = Instant.now();
        layout = ProjectLayout.locate();
        catalog = SpecCatalog.load(layout.specs());
        Backends registry = new Backends();
        Expectations expectations = new ExpectationsLoader(registry.names()).load(layout.expectations());
        loadErrors.addAll(catalog.errors());
        loadErrors.addAll(expectations.errors());
        List<String> names = Selection.fromSystemProperties().backendsOr(registry.names());
        pool = BackendPool.create(registry, new BackendConfig(layout.wasm()), names);
        judge = new SpecJudge(pool, expectations, SpecRunner.DEFAULT_TIMEOUT);
    }

    @TestTemplate
    @DisplayName("conformance")
    void conformance(Executable test) throws Throwable {
        test.execute();
    }

    @AfterAll
    void writeReports() throws IOException {
        if (judge == null) {
            return; // open() failed and JUnit reports why; there is no run to write
        }
        judge.close();
        pool.close();
        RunResult run = new RunResult(started, Instant.now(), pool.infos(), List.copyOf(outcomes), List.copyOf(loadErrors));
        Path folder = Path.of(System.getProperty("conformance.reports",
                layout.root().resolve("harness/target/conformance-reports").toString()));
        Optional<Path> baseline = Optional.ofNullable(System.getProperty("conformance.baseline")).filter(s -> !s.isBlank()).map(Path::of);
        ReportWriter.Written written = ReportWriter.write(run, Coverage.of(run, new ModuleImports(layout.wasm())),
                RunInfo.of(layout.root()), baseline, folder);
        System.out.println("Conformance reports: " + written.json() + ", " + written.html() + ", " + written.markdown());
    }

    /** The tests of a run: load errors, an empty selection, then each selected spec's verdicts as it is judged. */
    private final class SuiteTests implements TestTemplateInvocationContextProvider {
        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
            return true; // an empty selection that -Dconformance.allowEmpty=true accepts
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            List<TestTemplateInvocationContext> first = new ArrayList<>();
            loadErrors.stream().map(ConformanceSuiteTest.this::loadFailure).forEach(first::add);
            Selection selection = Selection.fromSystemProperties();
            List<Spec> selected = selection.select(catalog.specs());
            if (selected.isEmpty() && !Boolean.getBoolean("conformance.allowEmpty")) {
                // A typo in -Dconformance.specs must not turn a build green by running nothing.
                String message = Choices.noSpecSelected(selection, catalog, "-Dconformance.allowEmpty=true");
                first.add(new SuiteTest("selection", null, () -> fail(message)));
            }
            // Lazily: each spec runs on every backend when its first test is reached.
            return Stream.concat(first.stream(), selected.stream().map(judge::judge).peek(outcomes::add)
                    .flatMap(outcome -> outcome.verdicts().stream().map(ConformanceSuiteTest::test)));
        }
    }

    private static SuiteTest test(Verdict verdict) {
        String name = verdict.specId() + " [" + verdict.backend() + "]";
        return switch (verdict.status()) {
            case PASS -> new SuiteTest(name, null, () -> { });
            case FAIL, XPASS -> new SuiteTest(name, null, () -> fail(FailureReport.render(verdict)));
            // Not AssertionErrors: the spec could not be judged, and CI pages count errors apart from failures.
            case ERROR, TIMEOUT -> new SuiteTest(name, null, () -> {
                throw new VerdictError(FailureReport.render(verdict));
            });
            case SKIP, UNAVAILABLE, XFAIL -> new SuiteTest(name, verdict.status() + ": " + verdict.message(), () -> { });
        };
    }

    private SuiteTest loadFailure(SpecLoadError error) {
        Path file = error.file().startsWith(layout.specs()) ? layout.specs().relativize(error.file()) : error.file();
        return new SuiteTest("load " + file, null, () -> fail(error.toString()));
    }

    /** One test: its name, the reason it is skipped (or null) and what it checks, handed to {@link #conformance} as its parameter. */
    private record SuiteTest(String name, String skipReason, Executable check) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return name;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            ExecutionCondition skip = context -> skipReason == null ? ConditionEvaluationResult.enabled("judged")
                    : ConditionEvaluationResult.disabled(skipReason);
            return List.of(skip, new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == Executable.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    return check;
                }
            });
        }
    }

    /** An ERROR or TIMEOUT verdict: not an AssertionError, so Surefire reports it as an error. */
    static final class VerdictError extends RuntimeException {
        VerdictError(String message) {
            super(message, null, false, false);
        }
    }
}
