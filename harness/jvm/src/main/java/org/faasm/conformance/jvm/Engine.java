package org.faasm.conformance.jvm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** How Chicory executes a module: compiled to JVM bytecode at run time, or interpreted. */
public enum Engine {
    COMPILER {
        @Override
        Function<Instance, Machine> machineFactory(WasmModule module) {
            return MachineFactoryCompiler.compile(module);
        }
    },
    INTERPRETER {
        @Override
        Function<Instance, Machine> machineFactory(WasmModule module) {
            return InterpreterMachine::new;
        }
    };

    abstract Function<Instance, Machine> machineFactory(WasmModule module);
}
