package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed module and how its instances execute: the machine factory they share (compiled once, or
 * interpreted) and, on the interpreter, the v128 local writes {@link V128LocalsFix} corrects.
 */
public record CompiledModule(
        WasmModule module, Function<Instance, Machine> machineFactory, boolean interpreted, Set<Instruction> v128LocalWrites) {

    /** Sets the machine (and the per-instance fix it needs) on an instance about to be built. */
    public Instance.Builder configure(Instance.Builder builder) {
        builder.withMachineFactory(machineFactory);
        if (!v128LocalWrites.isEmpty()) {
            builder.withUnsafeExecutionListener(new V128LocalsFix(v128LocalWrites));
        }
        return builder;
    }
}
