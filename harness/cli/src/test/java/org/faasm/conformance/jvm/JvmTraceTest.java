package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host-call trace the jvm host records, exactly: no spec judges it, but the agreement's first
 * divergent call, the mutants command and the report's details all read it. Guest pointers depend on
 * the module's layout, so they are compared as {@code PTR}.
 */
class JvmTraceTest {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final SpecCatalog CATALOG = SpecCatalog.load(LAYOUT.specs());
    private static Backend jvm;
    private static SpecRunner runner;

    @BeforeAll
    static void open() {
        jvm = new JvmBackendProviders.Wavm().create(new BackendConfig(LAYOUT.wasm()));
        runner = new SpecRunner(Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        runner.close();
        jvm.close();
    }

    @Test
    void faasmCallsAreRecordedWithTheirArgumentsDecodedByKindAndTheirResults() {
        assertThat(trace("io/echo_text")).containsExactly(
                "__faasm_read_input(PTR, 0) -> 11",
                "__faasm_read_input(PTR, 11) -> 11",
                "__faasm_write_output(PTR, 11)",
                "proc_exit(0) -> exit/error: Process exit code: 0");
        assertThat(trace("state/read_write_size")).containsExactly(
                "__faasm_read_state(\"rw_never_written\", PTR, 0) -> 0",
                "__faasm_write_state(\"rw_key\", PTR, 11)",
                "__faasm_read_state(\"rw_key\", PTR, 0) -> 11",
                "__faasm_read_state(\"rw_key\", PTR, 11) -> 11",
                "__faasm_write_output(PTR, 42)",
                "proc_exit(0) -> exit/error: Process exit code: 0");
    }

    @Test
    void aCallIdIsRecordedAsTheCallerSawIt() {
        List<String> trace = trace("chaining/by_name");
        assertThat(trace.get(0)).matches("__faasm_chain_name\\(\"echo\", PTR, 17\\) -> [0-9]+");
        String id = trace.get(0).replaceAll(".* -> ", "");
        assertThat(trace.subList(1, trace.size())).containsExactly(
                "__faasm_await_call(" + id + ") -> 0",
                "__faasm_await_call(" + id + ") -> 0",
                "__faasm_write_output(PTR, 23)",
                "proc_exit(0) -> exit/error: Process exit code: 0");
    }

    @Test
    void aFailedCallIsRecordedWithItsErrorAndABadStringPointerAsSuch() {
        assertThat(trace("bad-input/oob_read_state_key")).last().asString()
                .matches("__faasm_read_state\\(<bad string pointer PTR>, PTR, 0\\) -> error: __faasm_read_state: "
                        + "string at PTR of 1 bytes is outside guest memory \\([0-9]+ bytes\\)");
    }

    @Test
    void wasiCallsAreRecordedWithTheirRawArguments() {
        assertThat(trace("stdio/stdout_stderr")).filteredOn(call -> call.startsWith("fd_write(")).hasSize(6)
                .allMatch(call -> call.matches("fd_write\\([12], [0-9]+, [12], [0-9]+\\) -> 0"));
    }

    private static List<String> trace(String specId) {
        Spec spec = CATALOG.specs().stream().filter(s -> s.id().equals(specId)).findFirst().orElseThrow();
        Verdict verdict = runner.run(spec, jvm);
        Observation observation = verdict.observation().orElseThrow(() -> new AssertionError(specId + ": " + verdict.message()));
        return observation.trace().stream().map(JvmTraceTest::render).toList();
    }

    private static String render(HostCall call) {
        String text = call.name() + "(" + String.join(", ", call.arguments()) + ")"
                + (call.result() == null ? "" : " -> " + call.result());
        return text.replaceAll("0x[0-9a-f]+", "PTR");
    }
}
