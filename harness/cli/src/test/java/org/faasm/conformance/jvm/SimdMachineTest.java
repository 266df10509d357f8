package org.faasm.conformance.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faasm.conformance.browser.BrowserLauncher;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.testing.Chromium;
import org.junit.jupiter.api.Test;

/**
 * The jvm engine's SIMD128 against V8's: every instruction, on random edge-heavy operands, in Chromium
 * and in Chicory through {@link Engine} (so on {@link SimdMachine} with the v128 locals fix), result for
 * result. NaN bits may differ where the SIMD spec lets them (arithmetic on floats), nowhere else.
 */
class SimdMachineTest {
    private static final String RUN_ALL = "async (b64) => {"
            + " const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
            + " const { instance } = await WebAssembly.instantiate(bytes);"
            + " const out = {};"
            + " for (const [name, f] of Object.entries(instance.exports)) {"
            + "   try { out[name] = f().map(String).join(','); } catch (e) { out[name] = 'trap'; }"
            + " }"
            + " return out; }";
    private static final Set<String> BIT_EXACT = Set.of("EQ", "NE", "LT", "GT", "LE", "GE", "ABS", "NEG",
            "SPLAT", "EXTRACT_LANE", "REPLACE_LANE");

    @Test
    void everyInstructionComputesWhatV8Computes() {
        SimdCaseModule cases = new SimdCaseModule(20261129L);
        byte[] bytes = cases.bytes();
        Map<String, String> v8 = inChromium(bytes);
        Map<String, String> jvm = onEngine(bytes, cases.names());

        List<String> differences = new ArrayList<>();
        for (String name : cases.names()) {
            String expected = normalise(name, v8.get(name));
            String actual = normalise(name, jvm.get(name));
            if (!expected.equals(actual)) {
                differences.add(name + ": V8 " + v8.get(name) + ", jvm " + jvm.get(name));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(cases.names()).hasSize(236 * SimdCaseModule.CASES_PER_INSTRUCTION);
        assertThat(jvm.values()).contains("trap").anyMatch(r -> !r.equals("trap"));
    }

    @Test
    void onlyFunctionsWithV128LeaveTheCompiler() {
        WasmModule simd = Parser.parse(new SimdCaseModule(1L).bytes());
        assertThat(Engine.COMPILER.compile(simd).interpreted()).isTrue();
        assertThat(Engine.COMPILER.compile(simd).v128LocalWrites()).isNotEmpty();
        WasmModule scalar = Parser.parse(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        assertThat(Engine.COMPILER.compile(scalar).interpretedFunctions()).isEmpty();
        assertThat(Engine.COMPILER.compile(scalar).interpreted()).isFalse();
        // simd_sum's main loop is vectorised; its libc and host-call wrappers are not
        WasmModule mixed = Parser.parse(ProjectLayout.locate().wasm().resolve("simd_sum.wasm"));
        CompiledModule split = Engine.COMPILER.compile(mixed);
        assertThat(split.interpretedFunctions()).isNotEmpty().isEqualTo(Engine.simdFunctions(mixed));
        assertThat(split.interpreted()).isFalse();
        assertThat(Engine.INTERPRETER.compile(mixed).interpreted()).isTrue();
    }

    /**
     * wat2wasm 1.0.32 of: a compiled export calling a v128 function through the table and directly, which
     * calls a scalar function directly and through the table; run(x) = 2 * ((x + 4 + 1000) + (x + 1 + 1000)).
     * <pre>
     * (module
     *   (type $ii (func (param i32) (result i32)))
     *   (table 2 funcref)
     *   (elem (i32.const 0) $simd $scalar)
     *   (func $scalar (type $ii) (i32.add (local.get 0) (i32.const 1000)))
     *   (func $simd (type $ii) (local $v v128)
     *     (local.set $v (i32x4.add (i32x4.splat (local.get 0)) (v128.const i32x4 1 2 3 4)))
     *     (i32.add (call $scalar (i32x4.extract_lane 3 (local.get $v)))
     *              (call_indirect (type $ii) (i32x4.extract_lane 0 (local.get $v)) (i32.const 1))))
     *   (func (export "run") (param i32) (result i32)
     *     (i32.add (call_indirect (type $ii) (local.get 0) (i32.const 0)) (call $simd (local.get 0)))))
     * </pre>
     */
    private static final String CROSS_CALLS = "AGFzbQEAAAABBgFgAX8BfwMEAwAAAAQEAXAAAgcHAQNydW4AAgkIAQBBAAsCAQAKSwMIACAAQegHagsxAQF7IAD9Ef0MAQAAAAIAAAADAAAABAAAAP2uASEBIAH9GwMQACAB/RsAQQERAABqCw4AIABBABEAACAAEAFqCw==";

    @Test
    void compiledAndSimdFunctionsCallEachOtherDirectlyAndThroughTheTable() {
        WasmModule module = Parser.parse(Base64.getDecoder().decode(CROSS_CALLS));
        for (Engine engine : Engine.values()) {
            CompiledModule compiled = engine.compile(module);
            Instance instance = compiled.configure(Instance.builder(module)).build();
            assertThat(instance.export("run").apply(5)[0]).as(engine.name()).isEqualTo(4030);
        }
        assertThat(Engine.COMPILER.compile(module).interpretedFunctions()).containsExactly(1);
    }

    private static Map<String, String> onEngine(byte[] bytes, List<String> names) {
        WasmModule module = Parser.parse(bytes);
        Instance instance = Engine.COMPILER.compile(module).configure(Instance.builder(module)).build();
        Map<String, String> results = new LinkedHashMap<>();
        for (String name : names) {
            try {
                long[] r = instance.export(name).apply();
                results.put(name, r[0] + "," + r[1]);
            } catch (ChicoryException e) {
                results.put(name, "trap");
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> inChromium(byte[] bytes) {
        try (Playwright playwright = BrowserLauncher.playwright();
                Browser browser = BrowserLauncher.launch(playwright, Chromium.required())) {
            Page page = browser.newPage();
            return (Map<String, String>) page.evaluate(RUN_ALL, Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** Float results with every NaN made the canonical one, for the instructions whose NaN bits may vary. */
    private static String normalise(String name, String result) {
        String opcode = name.substring(0, name.indexOf('#'));
        String op = opcode.substring(opcode.indexOf('_') + 1);
        boolean floats = opcode.startsWith("F32x4_") || opcode.startsWith("F64x2_");
        if (result == null || result.equals("trap") || !floats || BIT_EXACT.stream().anyMatch(op::startsWith)) {
            return String.valueOf(result);
        }
        String[] halves = result.split(",");
        long[] v = {Long.parseLong(halves[0]), Long.parseLong(halves[1])};
        int bits = opcode.startsWith("F32") ? 32 : 64;
        for (int i = 0; i < 128 / bits; i++) {
            long lane = V128.lane(v, bits, i);
            boolean nan = bits == 32 ? Float.isNaN(Float.intBitsToFloat((int) lane)) : Double.isNaN(Double.longBitsToDouble(lane));
            if (nan) {
                V128.setLane(v, bits, i, bits == 32 ? 0x7fc00000L : 0x7ff8000000000000L);
            }
        }
        return v[0] + "," + v[1];
    }
}
