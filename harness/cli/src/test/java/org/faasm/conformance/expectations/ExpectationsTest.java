package org.faasm.conformance.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.jvm.JvmBackendProviders;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.SpecJudge;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.testing.TempProject;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expectations files: how they load, how they turn verdicts into XFAIL/XPASS, and how a run rewrites them. */
class ExpectationsTest {
    private static final String FAILING_ECHO = """
            spec: 1
            source: "harness: made in a test"
            function: echo
            input: {text: "hi"}
            expect: {output: {text: "bye"}}
            """;

    @Test
    void anEmptyReasonIsRejectedNamingFileLineAndField(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        Path file = project.write("specs/expectations/jvm-wavm.yaml", """
                expectations:
                  - spec: io/echo_text
                    status: FAIL
                    reason: "ok"
                  - spec: io/other
                    status: FAIL
                    reason: ""
                """);
        Expectations loaded = loader().load(project.layout().expectations());
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.field()).isEqualTo("/expectations/1/reason");
            assertThat(e.toString()).startsWith(file + ":7 at /expectations/1/reason: ");
        });
        assertThat(loaded.forBackend("jvm-wavm").entries()).extracting(ExpectedStatus::pattern).containsExactly("io/echo_text");
    }

    @Test
    void aBadGlobIsReportedAndTheFilesOtherEntriesStillApply(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        Path file = project.write("specs/expectations/jvm-wavm.yaml", """
                expectations:
                  - {spec: "io/*", status: FAIL, reason: io is broken}
                  - {spec: "state/[a", status: FAIL, reason: an unclosed bracket}
                  - {spec: trap/unreachable, status: ERROR, reason: traps are errors here}
                """);
        Expectations loaded = loader().load(project.layout().expectations());
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.toString()).startsWith(file + ":3 at /expectations/1/spec: invalid glob");
        });
        assertThat(loaded.forBackend("jvm-wavm").entries()).extracting(ExpectedStatus::pattern).containsExactly("io/*", "trap/unreachable");
        assertThat(loaded.lookup("jvm-wavm", "trap/unreachable").orElseThrow().status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aFileNamedOneOrTwoLettersOffABackendIsATypoNamingTheKnownOnes(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        Path file = project.write("specs/expectations/jvm-wavn.yaml", """
                expectations:
                  - {spec: io/echo_text, status: FAIL, reason: x}
                """);
        Expectations loaded = new ExpectationsLoader(List.of("jvm-wavm", "jvm-wamr")).load(project.layout().expectations());
        assertThat(loaded.byBackend()).isEmpty();
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.message()).contains("no backend is named 'jvm-wavn' (did you mean 'jvm-wavm'?)", "jvm-wamr, jvm-wavm");
        });
        assertThat(loader().load(project.layout().expectations()).errors().get(0).message())
                .contains(String.join(", ", new Backends().names()));
    }

    @Test
    void aFileOfAColumnThisBuildDoesNotHaveIsNoConcernOfTheRun(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        project.write("specs/expectations/browser.yaml", """
                expectations:
                  - {spec: io/echo_text, status: FAIL, reason: x}
                """);
        Expectations loaded = new ExpectationsLoader(List.of("sample")).load(project.layout().expectations());
        assertThat(loaded.byBackend()).isEmpty();
        assertThat(loaded.errors()).isEmpty();
    }

    @Test
    void badStatusesUnknownFieldsAndDuplicatesAreErrors(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        project.write("specs/expectations/jvm-wavm.yaml", """
                expectations:
                  - {spec: a, status: PASS, reason: x}
                  - {spec: b, status: FAIL, reason: x, why: y}
                """);
        project.write("specs/expectations/browser.yaml", """
                expectations:
                  - {spec: a, status: FAIL, reason: x}
                  - {spec: a, status: ERROR, reason: y}
                """);
        Expectations loaded = loader().load(project.layout().expectations());
        List<SpecLoadError> errors = loaded.errors();
        assertThat(errors).extracting(SpecLoadError::field)
                .containsExactly("/expectations/1/spec", "/expectations/0/status", "/expectations/1/why");
        assertThat(errors).extracting(SpecLoadError::line).containsExactly(3, 2, 3);
        assertThat(errors.get(0).message()).contains("already has an entry at line 2");
        assertThat(loaded.forBackend("browser").entries()).extracting(ExpectedStatus::reason).containsExactly("x");
        assertThat(loaded.forBackend("jvm-wavm").entries()).isEmpty();
    }

    @Test
    void anExactIdWinsOverGlobsAndTheFirstGlobWins(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        project.write("specs/expectations/jvm-wavm.yaml", """
                expectations:
                  - {spec: "io/*", status: FAIL, reason: first glob}
                  - {spec: "io/echo*", status: ERROR, reason: second glob}
                  - {spec: io/echo_text, status: TIMEOUT, reason: exact, link: "https://example.org/1"}
                """);
        BackendExpectations jvm = loader().load(project.layout().expectations()).forBackend("jvm-wavm");
        assertThat(jvm.lookup("io/echo_text").orElseThrow().reason()).isEqualTo("exact");
        assertThat(jvm.lookup("io/echo_text").orElseThrow().link()).hasValue("https://example.org/1");
        assertThat(jvm.lookup("io/echo_file").orElseThrow().reason()).isEqualTo("first glob");
        assertThat(jvm.lookup("chaining/x")).isEmpty();
    }

    @Test
    void anExpectedFailureIsXfailAndAStaleOneIsXpassNamingTheEntry(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root).copySpec("io/echo_text");
        project.write("specs/io/failing.yaml", FAILING_ECHO);
        project.write("specs/io/skipped.yaml", FAILING_ECHO);
        Path file = project.write("specs/expectations/faasm-wavm.yaml", """
                expectations:
                  - spec: io/failing
                    status: FAIL
                    reason: the spec asks for the wrong output on purpose
                  - spec: io/echo_text
                    status: FAIL
                    reason: was broken once
                  - {spec: io/skipped, status: SKIP, reason: hangs the backend}
                """);
        List<Verdict> verdicts = judgeAll(project);
        assertThat(verdicts).extracting(Verdict::specId, Verdict::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("io/echo_text", Status.XPASS),
                org.assertj.core.groups.Tuple.tuple("io/failing", Status.XFAIL),
                org.assertj.core.groups.Tuple.tuple("io/skipped", Status.SKIP));
        assertThat(verdicts.get(0).message()).contains(file + ":5 (spec: \"io/echo_text\")").contains("remove the entry");
        assertThat(verdicts.get(0).status().isFailure()).isTrue();
        assertThat(verdicts.get(1).message()).contains("the spec asks for the wrong output on purpose");
        assertThat(verdicts.get(1).status().isFailure()).isFalse();
        assertThat(verdicts.get(2).message()).contains("hangs the backend");
        assertThat(verdicts.get(2).observation()).isEmpty();
    }

    @Test
    void rewritingKeepsReasonsDropsStaleEntriesNarrowsGlobsAndAddsNewFailures(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        project.write("specs/expectations/jvm-wavm.yaml", """
                expectations:
                  - {spec: "state/*", status: FAIL, reason: state is hard, link: "https://example.org/7"}
                  - {spec: io/fixed, status: FAIL, reason: fixed since}
                  - {spec: io/slow, status: FAIL, reason: too slow}
                  - {spec: io/skipped, status: SKIP, reason: hangs}
                  - {spec: io/gone, status: FAIL, reason: spec deleted}
                """);
        BackendExpectations current = loader().load(project.layout().expectations()).forBackend("jvm-wavm");
        Map<String, Status> observed = Map.of("state/a", Status.FAIL, "state/b", Status.PASS, "io/fixed", Status.PASS,
                "io/slow", Status.TIMEOUT, "io/skipped", Status.SKIP, "io/new", Status.ERROR, "io/fine", Status.PASS);
        Set<String> catalog = Set.of("state/a", "state/b", "state/not_run", "io/fixed", "io/slow", "io/skipped", "io/new", "io/fine");

        List<Entry> rewritten = ExpectationsRewrite.rewrite(current, observed, catalog);

        assertThat(rewritten).containsExactly(
                new Entry("state/not_run", Status.FAIL, "state is hard", java.util.Optional.of("https://example.org/7")),
                new Entry("state/a", Status.FAIL, "state is hard", java.util.Optional.of("https://example.org/7")),
                new Entry("io/slow", Status.TIMEOUT, "too slow", java.util.Optional.empty()),
                new Entry("io/skipped", Status.SKIP, "hangs", java.util.Optional.empty()),
                new Entry("io/new", Status.ERROR, Entry.TODO, java.util.Optional.empty()));
    }

    @Test
    void aRewrittenFileLoadsBackToTheSameEntries(@TempDir Path root) throws Exception {
        TempProject project = new TempProject(root);
        List<Entry> entries = List.of(new Entry("a/*", Status.FAIL, "quotes \" and\nnewlines", java.util.Optional.of("https://x.org/1")),
                new Entry("b", Status.SKIP, Entry.TODO, java.util.Optional.empty()));
        project.write("specs/expectations/jvm-wavm.yaml", ExpectationsFile.render("jvm-wavm", entries));
        Expectations loaded = loader().load(project.layout().expectations());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.forBackend("jvm-wavm").entries()).extracting(Entry::from).containsExactlyElementsOf(entries);
        project.write("specs/expectations/jvm-wavm.yaml", ExpectationsFile.render("jvm-wavm", List.of()));
        assertThat(loader().load(project.layout().expectations()).forBackend("jvm-wavm").entries()).isEmpty();
    }

    private static ExpectationsLoader loader() {
        return new ExpectationsLoader(new Backends().names());
    }

    private static List<Verdict> judgeAll(TempProject project) {
        SpecCatalog catalog = SpecCatalog.load(project.layout().specs());
        Expectations expectations = loader().load(project.layout().expectations());
        assertThat(expectations.errors()).isEmpty();
        try (BackendPool pool = BackendPool.of(List.of(new JvmBackendProviders.Wavm().create(new BackendConfig(project.layout().wasm()))));
                SpecJudge judge = new SpecJudge(pool, expectations, Duration.ofSeconds(5))) {
            return catalog.specs().stream().map(Spec::id).sorted()
                    .map(id -> judge.judge(catalog.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow()))
                    .map(o -> o.verdicts().get(0)).toList();
        }
    }
}
