package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.backend.RunRequest;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.spec.BytesMatcher;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.testing.GuestThreads;
import org.faasm.conformance.testing.TinyModule;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input the jvm backend must survive: each gets a clear verdict, and the next spec still runs. */
class JvmBackendFaultsTest {
    private final Path wasm = ProjectLayout.locate().wasm();
    private SpecRunner runner;
    /** The default deadline, for runs that may be a cold JVM's first compile (most of a second under load). */
    private SpecRunner patient;

    @BeforeEach
    void start() {
        runner = new SpecRunner(Duration.ofMillis(500));
        patient = new SpecRunner(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        runner.close();
        patient.close();
    }

    @Test
    void aGuestThatLoopsForeverTimesOutAndLeavesNoThreadBehind() throws Exception {
        try (JvmBackend backend = backend(wasm)) {
            Verdict verdict = runner.run(spec("loop_forever", ""), backend);
            assertThat(verdict.status()).isEqualTo(Status.TIMEOUT);
            assertThat(verdict.message()).contains("no result within 500 ms").doesNotContain("did not stop");

            assertThat(runner.run(echo(), backend).status()).isEqualTo(Status.PASS);
        }
        assertThat(GuestThreads.runningGuests(JvmCluster.THREAD_PREFIX)).isZero();
        assertThat(GuestThreads.runningGuests("faasm-spec-")).isZero();
    }

    @Test
    void aChainThatNeverEndsIsRefusedAtTheDepthLimitNamingIt() throws InterruptedException {
        try (JvmBackend backend = backend(wasm); GuestThreads threads = GuestThreads.sample(JvmCluster.THREAD_PREFIX)) {
            Verdict verdict = patient.run(spec("chain_forever", "1"), backend);
            assertThat(verdict.status()).isEqualTo(Status.PASS);
            Observation deepest = verdict.observation().orElseThrow();
            int depth = 0;
            while (!deepest.chained().isEmpty()) {
                deepest = deepest.chained().get(0);
                depth++;
            }
            assertThat(depth).isEqualTo(RunLimits.DEFAULT.chainDepth());
            assertThat(deepest.outcome()).isEqualTo(Outcome.HOST_ERROR);
            assertThat(deepest.error()).contains("__faasm_chain_name: chained call refused").contains("RunLimits.chainDepth");
            assertThat(threads.peak()).isLessThanOrEqualTo(RunLimits.DEFAULT.concurrentMessages());
        }
    }

    @Test
    void aFanOutThatNeverEndsStaysWithinTheCallAndThreadLimits() throws InterruptedException {
        RunLimits limits = new RunLimits(40, 10, 12);
        try (JvmBackend backend = backend(wasm, FaasmVm.WAVM, limits); GuestThreads threads = GuestThreads.sample(JvmCluster.THREAD_PREFIX)) {
            Verdict verdict = patient.run(spec("chain_forever", "2"), backend);
            assertThat(verdict.status()).isEqualTo(Status.PASS);
            List<Observation> messages = flatten(verdict.observation().orElseThrow());
            assertThat(messages.size() - 1).as("chained calls").isLessThanOrEqualTo(limits.chainedCallsPerApp());
            assertThat(messages).filteredOn(o -> o.outcome() == Outcome.HOST_ERROR).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.error()).startsWith("__faasm_chain_name: chained call refused").contains("(RunLimits."));
            assertThat(threads.peak()).isLessThanOrEqualTo(limits.concurrentMessages());
        }
    }

    @Test
    void aMissingModuleIsAnErrorNamingTheFile() {
        try (JvmBackend backend = backend(wasm)) {
            Verdict verdict = runner.run(spec("no_such_module", ""), backend);
            assertThat(verdict.status()).isEqualTo(Status.ERROR);
            assertThat(verdict.message()).contains("no_such_module.wasm does not exist");
        }
    }

    @Test
    void anInvalidModuleIsAnErrorSayingWhy(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("garbage.wasm"), new byte[] {0, 'a', 's', 'm', 9, 9, 9, 9});
        Files.writeString(dir.resolve("text.wasm"), "not wasm at all");
        try (JvmBackend backend = backend(dir)) {
            for (String function : List.of("garbage", "text")) {
                Verdict verdict = runner.run(spec(function, ""), backend);
                assertThat(verdict.status()).isEqualTo(Status.ERROR);
                assertThat(verdict.message()).contains(function + ".wasm: not a valid wasm module");
            }
        }
    }

    @Test
    void aModuleWithoutConstructorsDoesNotBindAndNothingOfItRuns(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("no_ctors.wasm"), TinyModule.withoutConstructors());
        try (JvmBackend backend = backend(dir)) {
            Verdict verdict = patient.run(spec("no_ctors", ""), backend);
            assertThat(verdict.observation()).hasValueSatisfying(o -> {
                assertThat(o.outcome()).isEqualTo(Outcome.NOT_FOUND);
                assertThat(o.returnValue()).isEqualTo(1);
                assertThat(o.output()).asString().isEqualTo("Error trying to claim executor");
                assertThat(o.error()).isEqualTo("bind failed: Did not find __wasm_call_ctors");
            });
        }
    }

    /** The runner skips a spec needing a call the host lacks; run anyway, the host traps naming it. */
    @Test
    void anImportWamrLinksButTheHostLacksIsASkipAndTrapsNamingItWhenCalled() throws Exception {
        try (JvmBackend backend = backend(wasm, FaasmVm.WAMR)) {
            Spec spec = spec("missing_import", "");
            Verdict verdict = patient.run(spec, backend);
            assertThat(verdict.status()).isEqualTo(Status.SKIP);
            assertThat(verdict.message()).contains("lacks [__faasm_s3_get_num_buckets], which its modules import");
            Observation o = backend.run(RunRequest.of(spec, FaasmVm.WAMR));
            assertThat(o.outcome()).isEqualTo(Outcome.TRAPPED);
            assertThat(o.returnValue()).isEqualTo(1);
            assertThat(o.error()).contains("env.__faasm_s3_get_num_buckets").contains("is not implemented by the jvm backend");
            assertThat(o.output()).asString().endsWith("threw exception. What: Error executing WASM function with WAMR");
        }
    }

    @Test
    void anImportWavmHasNoIntrinsicForFailsTheBind() {
        try (JvmBackend backend = backend(wasm)) {
            Verdict verdict = patient.run(spec("missing_import", ""), backend);
            assertThat(verdict.observation()).hasValueSatisfying(o -> {
                assertThat(o.outcome()).isEqualTo(Outcome.NOT_FOUND);
                assertThat(o.output()).asString().isEqualTo("Error trying to claim executor");
                assertThat(o.error()).contains("env.__faasm_s3_get_num_buckets").contains("Missing import");
                assertThat(o.trace()).as("nothing of the module ran").isEmpty();
            });
        }
    }

    private JvmBackend backend(Path dir) {
        return backend(dir, FaasmVm.WAVM);
    }

    private static JvmBackend backend(Path dir, FaasmVm vm) {
        return backend(dir, vm, RunLimits.DEFAULT);
    }

    private static JvmBackend backend(Path dir, FaasmVm vm, RunLimits limits) {
        return new JvmBackend("jvm-" + vm.id(), vm, ChainedCallTimeout.configured(), limits, dir, Engine.COMPILER, JvmBackend.DEFAULT_MEMORY_CAP_PAGES);
    }

    private static List<Observation> flatten(Observation message) {
        List<Observation> all = new ArrayList<>(List.of(message));
        message.chained().forEach(child -> all.addAll(flatten(child)));
        return all;
    }

    private static Spec echo() {
        Expectation expect = new Expectation(Optional.of(0), Optional.of(new BytesMatcher.Exact(Bytes.utf8("hi"))),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        return new Spec("test/echo", Path.of("echo.yaml"), "", "echo", Bytes.utf8("hi"), "", 1, Optional.empty(), Map.of(),
                Set.of(), expect, List.of());
    }

    private static Spec spec(String function, String input) {
        return new Spec("test/" + function, Path.of(function + ".yaml"), "", function, Bytes.utf8(input), "", 1,
                Optional.empty(), Map.of(), Set.of(), Expectation.NOTHING, List.of());
    }


}
