package org.faasm.conformance.jvm;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How Chicory executes a module: compiled to JVM bytecode at run time, or interpreted. The one place
 * that chooses the machine. Chicory's compiler has no SIMD128, so on it the functions that use v128 run
 * on {@link SimdMachine} and every other function stays compiled ({@link SplitMachine}).
 */
public enum Engine {
    COMPILER {
        @Override
        public CompiledModule compile(WasmModule module) {
            Set<Integer> simd = simdFunctions(module);
            if (simd.isEmpty()) {
                return new CompiledModule(module, MachineFactoryCompiler.compile(module), Set.of(), Set.of());
            }
            // The compiler routes calls to these functions through the instance's machine (SplitMachine);
            // a fixed set needs the FAIL fallback (chicory Compiler.java:137-149 at 1.7.5).
            Function<Instance, Machine> compiled = MachineFactoryCompiler.builder(module)
                    .withInterpretedFunctions(simd)
                    .withInterpreterFallback(InterpreterFallback.FAIL)
                    .compile();
            int[] ids = simd.stream().mapToInt(Integer::intValue).sorted().toArray();
            return new CompiledModule(module, instance -> new SplitMachine(compiled.apply(instance), new SimdMachine(instance, ids), ids),
                    simd, V128LocalsFix.v128Writes(module));
        }
    },
    INTERPRETER {
        @Override
        public CompiledModule compile(WasmModule module) {
            int[] ids = definedFunctions(module).toArray();
            Set<Integer> all = Arrays.stream(ids).boxed().collect(Collectors.toUnmodifiableSet());
            return new CompiledModule(module, instance -> new SimdMachine(instance, ids), all, V128LocalsFix.v128Writes(module));
        }
    };

    /** The module ready to instantiate: compiled once here, or set up for the interpreter. */
    public abstract CompiledModule compile(WasmModule module);

    /**
     * The function indices (imports first, as Chicory counts them) whose signature, locals or
     * instructions use v128; every defined function when a global is a v128.
     */
    static Set<Integer> simdFunctions(WasmModule module) {
        boolean simdGlobal = Arrays.stream(module.globalSection().globals()).map(Global::valueType).anyMatch(ValType.V128::equals);
        int imports = importedFunctions(module);
        FunctionBody[] bodies = module.codeSection().functionBodies();
        return definedFunctions(module)
                .filter(id -> simdGlobal || usesSimd(module, id - imports, bodies[id - imports]))
                .boxed()
                .collect(Collectors.toUnmodifiableSet());
    }

    private static int importedFunctions(WasmModule module) {
        return module.importSection().count(ExternalType.FUNCTION);
    }

    private static IntStream definedFunctions(WasmModule module) {
        int imports = importedFunctions(module);
        return IntStream.range(imports, imports + module.codeSection().functionBodies().length);
    }

    private static boolean usesSimd(WasmModule module, int index, FunctionBody body) {
        FunctionType type = module.functionSection().getFunctionType(index, module.typeSection());
        return type.params().contains(ValType.V128) || type.returns().contains(ValType.V128)
                || body.localTypes().contains(ValType.V128)
                || body.instructions().stream().anyMatch(Engine::isSimd);
    }

    /** SIMD128 instructions are the 0xFD prefix. */
    private static boolean isSimd(Instruction instruction) {
        return (instruction.opcode().opcode() & 0xFF00) == 0xFD00;
    }
}
