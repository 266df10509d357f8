package org.faasm.conformance.jvm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How Chicory executes a module: compiled to JVM bytecode at run time, or interpreted. The one place
 * that chooses the machine: Chicory's compiler has no SIMD128 (and cannot hand a single function to
 * another interpreter than its own), so a module that uses v128 runs whole on {@link SimdMachine}.
 */
public enum Engine {
    COMPILER {
        @Override
        public CompiledModule compile(WasmModule module) {
            return usesSimd(module) ? interpreted(module) : new CompiledModule(module, MachineFactoryCompiler.compile(module), false, Set.of());
        }
    },
    INTERPRETER {
        @Override
        public CompiledModule compile(WasmModule module) {
            return interpreted(module);
        }
    };

    /** The module ready to instantiate: compiled once here, or set up for the interpreter. */
    public abstract CompiledModule compile(WasmModule module);

    private static CompiledModule interpreted(WasmModule module) {
        return new CompiledModule(module, SimdMachine::new, true, V128LocalsFix.v128Writes(module));
    }

    /** Whether any function, type or global of the module uses a SIMD128 instruction or a v128 value. */
    static boolean usesSimd(WasmModule module) {
        Stream<ValType> types = Stream.concat(
                Arrays.stream(module.typeSection().types())
                        .flatMap(t -> Stream.concat(t.params().stream(), t.returns().stream())),
                Arrays.stream(module.globalSection().globals()).map(Global::valueType));
        Stream<FunctionBody> bodies = Arrays.stream(module.codeSection().functionBodies());
        return types.anyMatch(ValType.V128::equals)
                || bodies.anyMatch(b -> b.localTypes().contains(ValType.V128)
                        || b.instructions().stream().anyMatch(Engine::isSimd));
    }

    /** SIMD128 instructions are the 0xFD prefix. */
    private static boolean isSimd(Instruction instruction) {
        return (instruction.opcode().opcode() & 0xFF00) == 0xFD00;
    }
}
