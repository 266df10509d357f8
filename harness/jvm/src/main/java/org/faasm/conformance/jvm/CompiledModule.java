package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed module and how its instances execute: the machine factory they share (compiled once, or
 * interpreted), the functions (by index) that run on the interpreter and the v128 local writes
 * {@link V128LocalsFix} corrects there.
 */
public record CompiledModule(
        WasmModule module, Function<Instance, Machine> machineFactory, Set<Integer> interpretedFunctions,
        Set<Instruction> v128LocalWrites) {

    /** Whether every function the module defines is interpreted. */
    public boolean interpreted() {
        return !interpretedFunctions.isEmpty() && interpretedFunctions.size() == module.codeSection().functionBodies().length;
    }

    /** Sets the machine (and the per-instance fix it needs) on an instance about to be built. */
    public Instance.Builder configure(Instance.Builder builder) {
        builder.withMachineFactory(machineFactory);
        if (!v128LocalWrites.isEmpty()) {
            builder.withUnsafeExecutionListener(new V128LocalsFix(v128LocalWrites));
        }
        return builder;
    }
}
