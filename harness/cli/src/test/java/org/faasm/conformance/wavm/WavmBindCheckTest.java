package org.faasm.conformance.wavm;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.testing.TinyModule;
import org.faasm.conformance.wavm.BindProblem.Kind;
import org.junit.jupiter.api.Test;

class WavmBindCheckTest {
    private static final String UNPARSED = "not a module";
    /**
     * Modules built on purpose to fail on WAVM. missing_import calls __faasm_s3_get_num_buckets, which only
     * WAMR implements, to prove a host traps (or refuses) a call it does not have. zygote_fail is not here:
     * its module is well formed, and only running its zygote shows the refusal (specs/bind/zygote_fails).
     * Three hostile guests (specs/hostile) fail too: one imports a call no host has, one a call with the
     * wrong type, one is cut in half.
     */
    private static final Map<String, List<String>> EXPECTED_TO_FAIL = Map.of(
            "missing_import", List.of("UNRESOLVED_IMPORT: import env.__faasm_s3_get_num_buckets: WAVM has no intrinsic for it (\"Missing import\")"),
            "hostile_unknown_import", List.of("UNRESOLVED_IMPORT: import env.__faasm_no_such_call: WAVM has no intrinsic for it (\"Missing import\")"),
            "hostile_wrong_signature", List.of("MISTYPED_IMPORT: import env.__faasm_write_output is declared (I32,I32,I32) -> nil, WAVM's intrinsic is (I32,I32) -> nil"),
            "hostile_truncated", List.of(UNPARSED));

    private static final byte[] NONE = {};
    private final WavmBindCheck check = new WavmBindCheck(WavmIntrinsics.load());

    @Test
    void everyModuleInWasmBindsOnWavmButTheOnesBuiltToFail() throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        try (Stream<Path> files = Files.list(ProjectLayout.locate().wasm())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".wasm", "");
                try {
                    List<BindProblem> found = check.check(Parser.parse(file));
                    if (!found.isEmpty()) {
                        problems.put(name, found.stream().map(BindProblem::toString).toList());
                    }
                } catch (MalformedException e) {
                    problems.put(name, List.of(UNPARSED));
                }
            }
        }
        assertThat(problems).isEqualTo(EXPECTED_TO_FAIL);
    }

    @Test
    void aModuleShapedLikeFaasmsBinds() {
        assertThat(problems(m -> {})).isEmpty();
    }

    @Test
    void missingConstructorsStartOrMemoryAreReported() {
        TinyModule bare = new TinyModule();
        assertThat(check.check(Parser.parse(bare.bytes())))
                .extracting(BindProblem::toString)
                .containsExactly(
                        "MISSING_EXPORT: no function export '__wasm_call_ctors'",
                        "MISSING_EXPORT: no function export '_start'",
                        "MISSING_EXPORT: no memory export 'memory'");
        assertThat(check.check(Parser.parse(TinyModule.withoutConstructors())))
                .extracting(BindProblem::toString)
                .containsExactly("MISSING_EXPORT: no function export '__wasm_call_ctors'");
    }

    @Test
    void importsWavmHasNoIntrinsicForAreReported() {
        assertThat(problems(m -> {
            int fn = m.type(NONE, NONE);
            int count = m.type(NONE, new byte[] {TinyModule.I32});
            m.importFunction("env", "no_such_call", fn);
            m.importFunction("env", "__faasm_s3_get_num_buckets", count);
            m.importFunction("wasi_snapshot_preview1", "proc_raise", m.type(new byte[] {TinyModule.I32}, new byte[] {TinyModule.I32}));
            m.importMemory("env", "memory");
        })).extracting(BindProblem::kind).containsExactly(
                Kind.UNRESOLVED_IMPORT, Kind.UNRESOLVED_IMPORT, Kind.UNRESOLVED_IMPORT, Kind.UNRESOLVED_IMPORT);
    }

    @Test
    void anyModuleNameButWasiResolvesToEnv() {
        assertThat(problems(m -> {
            byte[] i32 = {TinyModule.I32};
            m.importFunction("anything", "puts", m.type(i32, i32));
            m.importFunction("wasi", "thread-spawn", m.type(i32, i32));
            m.importFunction("env", "__faasm_await_call", m.type(i32, i32));
        })).isEmpty();
        assertThat(problems(m -> m.importFunction("wasi", "puts", m.type(new byte[] {TinyModule.I32}, new byte[] {TinyModule.I32}))))
                .extracting(BindProblem::kind).containsExactly(Kind.UNRESOLVED_IMPORT);
    }

    @Test
    void importsOfTheWrongTypeAreReported() {
        byte i32 = TinyModule.I32;
        List<BindProblem> found = problems(m -> {
            m.importFunction("env", "__faasm_read_input", m.type(new byte[] {i32, i32}, NONE));
            m.importFunction("wasi_snapshot_preview1", "fd_seek", m.type(new byte[] {i32, i32, i32, i32}, new byte[] {i32}));
            m.importFunction("wasi_snapshot_preview1", "fd_tell", m.type(new byte[] {i32, i32}, new byte[] {i32}));
        });
        assertThat(found).extracting(BindProblem::kind).containsExactly(Kind.MISTYPED_IMPORT, Kind.MISTYPED_IMPORT);
        assertThat(found.get(0).detail()).startsWith("import env.__faasm_read_input is declared");
        assertThat(found.get(1).detail()).startsWith("import wasi_snapshot_preview1.fd_seek is declared");
    }

    @Test
    void constructorsAndZygoteOfTheWrongTypeAreReported() {
        TinyModule m = new TinyModule();
        int takesInt = m.type(new byte[] {TinyModule.I32}, NONE);
        int nothing = m.type(NONE, NONE);
        m.exportFunction("__wasm_call_ctors", m.function(takesInt));
        m.exportFunction("_faasm_zygote", m.function(nothing));
        m.exportFunction("_start", m.function(nothing));
        m.memory().exportMemory("memory");
        List<BindProblem> found = check.check(Parser.parse(m.bytes()));
        assertThat(found).extracting(BindProblem::kind).containsExactly(Kind.MISTYPED_EXPORT, Kind.MISTYPED_EXPORT);
        assertThat(found.get(0).detail()).startsWith("export __wasm_call_ctors is ");
        assertThat(found.get(1).detail()).startsWith("export _faasm_zygote is ");
    }

    private List<BindProblem> problems(Consumer<TinyModule> imports) {
        TinyModule m = new TinyModule();
        imports.accept(m);
        int nothing = m.type(NONE, NONE);
        m.exportFunction("__wasm_call_ctors", m.function(nothing));
        m.exportFunction("_faasm_zygote", m.function(m.type(NONE, new byte[] {TinyModule.I32})));
        m.exportFunction("_start", m.function(nothing));
        m.memory().exportMemory("memory");
        return check.check(Parser.parse(m.bytes()));
    }
}
