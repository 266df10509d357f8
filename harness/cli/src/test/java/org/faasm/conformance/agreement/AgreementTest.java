package org.faasm.conformance.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.Backends;
import org.faasm.conformance.expectations.Expectations;
import org.faasm.conformance.expectations.ExpectationsLoader;
import org.faasm.conformance.jvm.JvmBackendProviders;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;
import org.faasm.conformance.run.BackendPool;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecJudge;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.spec.SpecLoader;
import org.faasm.conformance.testing.FaultyBackend;
import org.faasm.conformance.testing.RenamedBackend;
import org.faasm.conformance.testing.TempProject;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreement across backends, proven with a second jvm (must agree) and deliberately faulty hosts (must not). */
class AgreementTest {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final SpecCatalog CATALOG = SpecCatalog.load(LAYOUT.specs());

    @Test
    void aSecondJvmAgreesWithTheFirstOnEverySpec() {
        try (BackendPool pool = BackendPool.of(List.of(jvm(), new RenamedBackend(jvm(), "jvm2")));
                SpecJudge judge = new SpecJudge(pool, Expectations.none(), Duration.ofSeconds(5))) {
            // Specs jvm cannot run (an entry placed in a browser) are SKIP on both, so there is nothing to compare;
            // nor is there for a spec that ends without an observation on both. A spec the jvm's expectations say
            // times out is not run at all (an await of an id that never runs waits Faasm's 300 s); a module cut in
            // half never loads.
            Backend first = pool.members().get(0).backend();
            Expectations known = new ExpectationsLoader(new Backends().names()).load(LAYOUT.expectations());
            List<Spec> comparable = CATALOG.specs().stream()
                    .filter(s -> first.capabilities().containsAll(s.requires()))
                    .filter(s -> known.lookup(first.expectationsName(), s.id()).filter(e -> e.status() == Status.TIMEOUT).isEmpty())
                    .toList();
            assertThat(comparable).as("specs both jvms can finish").hasSizeGreaterThan(CATALOG.specs().size() / 2);
            for (Spec spec : comparable) {
                SpecOutcome outcome = judge.judge(spec);
                if (outcome.verdicts().stream().allMatch(v -> v.status() == Status.TIMEOUT || v.observation().isEmpty())) {
                    continue;
                }
                Agreement agreement = outcome.agreement();
                assertThat(agreement.state()).as(spec.id() + ": " + agreement.firstDivergence().map(Comparison::describe).orElse(""))
                        .isEqualTo(Agreement.State.AGREE);
            }
        }
    }

    @Test
    void aDroppedChainedCallIsNamedAsTheFirstDivergentHostCall() {
        SpecOutcome outcome = judge(spec("chaining/by_name"), new FaultyBackend(jvm(), "faulty", FaultyBackend.Fault.DROP_LAST_CHAINED_CALL));
        assertThat(outcome.agreement().state()).isEqualTo(Agreement.State.DIVERGE);
        Comparison pair = outcome.agreement().firstDivergence().orElseThrow();
        assertThat(pair.differences()).extracting(Divergence::field).contains("chained");
        CallDivergence call = pair.firstDivergentCall().orElseThrow();
        assertThat(call.message()).isEqualTo("entry");
        assertThat(call.left().orElseThrow().name()).isEqualTo("__faasm_chain_name");
        assertThat(pair.describe()).contains("first divergent host call entry: #").contains("__faasm_chain_name(\"echo\"");
        // Not a consensus spec: each backend is still judged against the spec alone.
        assertThat(outcome.verdicts()).extracting(Verdict::status).containsExactly(Status.PASS, Status.FAIL);
    }

    @Test
    void aChangedOutputIsADivergenceInOutputWithTheSameTrace() {
        SpecOutcome outcome = judge(spec("io/echo_text"), new FaultyBackend(jvm(), "faulty", FaultyBackend.Fault.CHANGE_OUTPUT));
        Comparison pair = outcome.agreement().firstDivergence().orElseThrow();
        assertThat(pair.differences()).containsExactly(new Divergence("output", "\"hello world\"", "\"hello world!\""));
        assertThat(pair.firstDivergentCall()).isEmpty();
    }

    @Test
    void messageIdsAndPointersChosenByTheHostAreNormalisedAway() {
        Observation left = message(List.of(call("__faasm_chain_name", "5", "\"echo\"", "0x10", "2"), call("__faasm_await_call", "0", "5"),
                call("__faasm_read_state_ptr", "65536", "\"k\"", "4"), call("fd_write", "0", "1", "2", "3")));
        Observation right = message(List.of(call("__faasm_chain_name", "77", "\"echo\"", "0x10", "2"), call("__faasm_await_call", "0", "77"),
                call("__faasm_read_state_ptr", "1024", "\"k\"", "4")));
        assertThat(ObservationDiff.compare("a", left, "b", right).agree()).isTrue();

        Observation awaitsAnother = message(List.of(call("__faasm_chain_name", "9", "\"echo\"", "0x10", "2"), call("__faasm_await_call", "0", "8"),
                call("__faasm_read_state_ptr", "1024", "\"k\"", "4")));
        CallDivergence divergence = ObservationDiff.compare("a", left, "b", awaitsAnother).firstDivergentCall().orElseThrow();
        assertThat(divergence.leftIndex()).isEqualTo(1);
        assertThat(divergence.right().orElseThrow().arguments()).containsExactly("8");
    }

    @Test
    void failuresAreComparedByWhatFaasmReportsNotByTheHostsOwnText() {
        Observation trapped = failed(Outcome.TRAPPED, "Task 1 threw exception. What: out of bounds memory access");
        Observation hostError = failed(Outcome.HOST_ERROR, "Task 8812 threw exception. What: __faasm_read_input: bad pointer");
        assertThat(ObservationDiff.compare("a", trapped, "b", hostError).agree()).isTrue();
        Observation notFound = failed(Outcome.NOT_FOUND, "Error trying to claim executor");
        assertThat(ObservationDiff.compare("a", trapped, "b", notFound).differences())
                .containsExactly(new Divergence("result", "THREW", "NOT_FOUND"));
        // A trap WAVM caught (with diagnostics) and an exit(1) seen by a cluster client (without) look alike in Faasm.
        Observation caught = failed(Outcome.TRAPPED, "Call failed (return value=1)");
        Observation exited = failed(Outcome.RETURNED, "Call failed (return value=1)");
        assertThat(ObservationDiff.compare("a", caught, "b", exited).agree()).isTrue();
        assertThat(ObservationDiff.compare("a", caught, "b", trapped).differences())
                .containsExactly(new Divergence("result", "CALL_FAILED", "THREW"));
    }

    @Test
    void aConsensusSpecWithOneBackendIsSkipped(@TempDir Path root) throws Exception {
        Spec spec = consensusSpec(root);
        try (BackendPool pool = BackendPool.of(List.of(jvm()));
                SpecJudge judge = new SpecJudge(pool, Expectations.none(), Duration.ofSeconds(5))) {
            Verdict verdict = judge.judge(spec).verdicts().get(0);
            assertThat(verdict.status()).isEqualTo(Status.SKIP);
            assertThat(verdict.message()).contains("needs two backends");
        }
    }

    @Test
    void aConsensusSpecFailsTheBackendOutsideTheMajority(@TempDir Path root) throws Exception {
        SpecOutcome outcome = judge(consensusSpec(root), new RenamedBackend(jvm(), "jvm2"),
                new FaultyBackend(jvm(), "faulty", FaultyBackend.Fault.DROP_LAST_CHAINED_CALL));
        assertThat(outcome.verdicts()).extracting(Verdict::status).containsExactly(Status.PASS, Status.PASS, Status.FAIL);
        Verdict faulty = outcome.verdicts().get(2);
        assertThat(faulty.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.field()).isEqualTo("consensus");
            assertThat(m.expected()).isEqualTo("the same observation as jvm-wavm, jvm2");
            assertThat(m.actual()).contains("first divergent host call").contains("__faasm_chain_name");
        });
    }

    @Test
    void twoBackendsThatDisagreeOnAConsensusSpecBothFail(@TempDir Path root) throws Exception {
        SpecOutcome outcome = judge(consensusSpec(root), new FaultyBackend(jvm(), "faulty", FaultyBackend.Fault.CHANGE_OUTPUT));
        assertThat(outcome.verdicts()).extracting(Verdict::status).containsExactly(Status.FAIL, Status.FAIL);
        assertThat(outcome.verdicts().get(0).message()).contains("consensus").contains("output");
    }

    private static SpecOutcome judge(Spec spec, Backend... others) {
        List<Backend> backends = new java.util.ArrayList<>(List.of(jvm()));
        backends.addAll(List.of(others));
        try (BackendPool pool = BackendPool.of(backends); SpecJudge judge = new SpecJudge(pool, Expectations.none(), Duration.ofSeconds(5))) {
            return judge.judge(spec);
        }
    }

    private static Spec consensusSpec(Path root) throws Exception {
        TempProject project = new TempProject(root);
        Path file = project.write("specs/consensus/chain.yaml",
                "spec: 1\nsource: \"harness: made in a test\"\nsummary: backends agree on a chained call\nfunction: chain_by_name\nconsensus: true\ntags: [chaining]\n");
        return new SpecLoader(project.layout().specs()).load(file);
    }

    private static Spec spec(String id) {
        return CATALOG.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Backend jvm() {
        return new JvmBackendProviders.Wavm().create(new BackendConfig(LAYOUT.wasm()));
    }

    private static HostCall call(String name, String result, String... args) {
        return new HostCall(name, List.of(args), result);
    }

    private static Observation failed(Outcome outcome, String output) {
        return new Observation("f", 0, new byte[0], outcome, 1, output.getBytes(java.nio.charset.StandardCharsets.UTF_8), output,
                new byte[0], new byte[0], 0, List.of(), Map.of(), List.of(), Timings.NONE);
    }

    private static Observation message(List<HostCall> trace) {
        Map<String, byte[]> state = new LinkedHashMap<>();
        return new Observation("f", 0, new byte[0], Outcome.RETURNED, 0, new byte[0], "", new byte[0], new byte[0], 0, List.of(),
                state, trace, Timings.NONE);
    }
}
