package org.faasm.conformance.bench;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.faasm.conformance.jvm.CompiledModule;

/**
 * Runs a kernel on Chicory as the jvm backend does ({@link org.faasm.conformance.jvm.Engine}): compiled to
 * JVM bytecode at run time (its SIMD128 functions interpreted even there), or in the interpreter.
 * The module is instantiated without running {@code _start}, then {@code bench_kernel} is called
 * directly on the same instance, as V8 and the native shim do.
 */
final class ChicoryRunner implements KernelRunner {

    private final Engine engine;
    private final WasmModules modules;
    private final boolean byteArrayMemory;

    ChicoryRunner(Engine engine, WasmModules modules, boolean byteArrayMemory) {
        if (engine != Engine.CHICORY_COMPILER && engine != Engine.CHICORY_INTERPRETER) {
            throw new IllegalArgumentException("not a Chicory engine: " + engine);
        }
        this.engine = engine;
        this.modules = modules;
        this.byteArrayMemory = byteArrayMemory;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public Measurement run(Kernel kernel, RunPlan plan) {
        WasmModules.Module wasm;
        try {
            wasm = modules.resolve(kernel);
        } catch (Unavailable e) {
            return Measurement.unavailable(e.getMessage());
        }
        try {
            long t0 = System.nanoTime();
            WasmModule module = Parser.parse(wasm.path());
            Instance.Builder builder = Instance.builder(module)
                    .withImportValues(TrappingImports.of(module))
                    .withStart(false);
            CompiledModule compiled = (engine == Engine.CHICORY_COMPILER
                    ? org.faasm.conformance.jvm.Engine.COMPILER
                    : org.faasm.conformance.jvm.Engine.INTERPRETER).compile(module);
            compiled.configure(builder);
            if (byteArrayMemory) {
                builder.withMemoryFactory(ByteArrayMemory::new);
            }
            Instance instance = builder.build();
            ExportFunction export = instance.export("bench_kernel");
            long setupMs = (System.nanoTime() - t0) / 1_000_000;
            String detail = "module " + wasm.origin() + "; parse+"
                    + (compiled.interpreted() ? "" : "compile+") + "instantiate " + setupMs + " ms; "
                    // functions with SIMD128 are interpreted even in the compiler's column (jvm.Engine)
                    + (compiled.interpreted() || compiled.interpretedFunctions().isEmpty() ? ""
                            : compiled.interpretedFunctions().size() + " SIMD128 functions interpreted; ")
                    + (byteArrayMemory ? "ByteArrayMemory" : "ByteBufferMemory");
            return TimedLoop.run(n -> (int) export.apply(n)[0], plan, detail);
        } catch (RuntimeException | LinkageError e) {
            return Measurement.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
