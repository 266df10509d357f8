package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Works around a Chicory 1.7.5 interpreter bug: local.set and local.tee store a v128 local as
 * (high, low) while local.get and parameters take it as (low, high), so a vector read back from a local
 * has its halves swapped. One listener per instance swaps the top of the stack before those writes
 * (and, for local.tee, back after it), so every v128 local holds (low, high).
 */
final class V128LocalsFix implements ExecutionListener {
    private final Set<Instruction> writes;
    private boolean swapBack;

    V128LocalsFix(Set<Instruction> writes) {
        this.writes = writes;
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (swapBack) {
            swap(stack);
            swapBack = false;
        }
        OpCode opcode = instruction.opcode();
        if ((opcode == OpCode.LOCAL_SET || opcode == OpCode.LOCAL_TEE) && writes.contains(instruction)) {
            swap(stack);
            swapBack = opcode == OpCode.LOCAL_TEE;
        }
    }

    /** The module's local.set and local.tee instructions whose local is a v128, by identity. */
    static Set<Instruction> v128Writes(WasmModule module) {
        Set<Instruction> writes = Collections.newSetFromMap(new IdentityHashMap<>());
        FunctionBody[] bodies = module.codeSection().functionBodies();
        for (int f = 0; f < bodies.length; f++) {
            List<ValType> locals = new ArrayList<>(
                    module.functionSection().getFunctionType(f, module.typeSection()).params());
            locals.addAll(bodies[f].localTypes());
            for (Instruction instruction : bodies[f].instructions()) {
                OpCode opcode = instruction.opcode();
                if ((opcode == OpCode.LOCAL_SET || opcode == OpCode.LOCAL_TEE)
                        && locals.get((int) instruction.operand(0)).equals(ValType.V128)) {
                    writes.add(instruction);
                }
            }
        }
        return writes;
    }

    private static void swap(MStack stack) {
        long top = stack.pop();
        long below = stack.pop();
        stack.push(top);
        stack.push(below);
    }
}
