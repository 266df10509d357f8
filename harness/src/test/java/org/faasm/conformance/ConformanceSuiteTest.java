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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The conformance suite as JUnit tests: a container per spec holding one test per backend, named
 * {@code <spec id> [<backend>]}, its source the spec file. Verdicts come from the same {@link SpecJudge}
 * as the command line: FAIL and XPASS fail, ERROR and TIMEOUT are errors, SKIP, UNAVAILABLE and XFAIL
 * are aborted with their reason; a file that did not load is a failing test named by its path. Afterwards the run's
 * report.json, index.html and summary.md go to {@code -Dconformance.reports} (default
 * {@code harness/target/conformance-reports}). Narrow it with {@code -Dconformance.specs=chain/*},
 * {@code -Dconformance.tags=state}, {@code -Dconformance.backends=jvm-wavm}, {@code -Dconformance.shard=1/2}; compare with
 * {@code -Dconformance.baseline=<earlier report.json>}. A selection of no spec is a failing test
 * unless {@code -Dconformance.allowEmpty=true}.
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

    @TestFactory
    Stream<DynamicNode> conformance() {
        List<DynamicNode> nodes = new ArrayList<>();
        loadErrors.stream().map(this::loadFailure).forEach(nodes::add);
        Selection selection = Selection.fromSystemProperties();
        List<Spec> selected = selection.select(catalog.specs());
        if (selected.isEmpty() && !Boolean.getBoolean("conformance.allowEmpty")) {
            // A typo in -Dconformance.specs must not turn a build green by running nothing.
            String message = Choices.noSpecSelected(selection, catalog, "-Dconformance.allowEmpty=true");
            nodes.add(DynamicTest.dynamicTest("selection", () -> fail(message)));
        }
        for (Spec spec : selected) {
            // The spec runs on every backend when its container starts, so consensus can compare them.
            nodes.add(DynamicContainer.dynamicContainer(spec.id(), spec.source().toUri(),
                    Stream.of(spec).map(judge::judge).peek(outcomes::add).flatMap(ConformanceSuiteTest::tests)));
        }
        return nodes.stream();
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

    private static Stream<DynamicNode> tests(SpecOutcome outcome) {
        return outcome.verdicts().stream().map(verdict -> DynamicTest.dynamicTest(
                verdict.specId() + " [" + verdict.backend() + "]", outcome.spec().source().toUri(), () -> check(verdict)));
    }

    /**
     * FAIL and XPASS are assertion failures; ERROR and TIMEOUT are JUnit errors (the spec could not be
     * judged), so CI pages count them apart; SKIP, UNAVAILABLE and XFAIL are aborted with their reason.
     */
    private static void check(Verdict verdict) {
        switch (verdict.status()) {
            case PASS -> { }
            case FAIL, XPASS -> fail(FailureReport.render(verdict));
            case ERROR, TIMEOUT -> throw new VerdictError(FailureReport.render(verdict));
            case SKIP, UNAVAILABLE, XFAIL -> throw new TestAbortedException(verdict.status() + ": " + verdict.message());
        }
    }

    private DynamicTest loadFailure(SpecLoadError error) {
        Path file = error.file().startsWith(layout.specs()) ? layout.specs().relativize(error.file()) : error.file();
        return DynamicTest.dynamicTest("load " + file, error.file().toUri(), () -> fail(error.toString()));
    }

    /** An ERROR or TIMEOUT verdict: not an AssertionError, so Surefire reports it as an error. */
    static final class VerdictError extends RuntimeException {
        VerdictError(String message) {
            super(message, null, false, false);
        }
    }
}
