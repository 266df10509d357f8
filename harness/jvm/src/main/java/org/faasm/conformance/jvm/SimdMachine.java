package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.runtime.internal.CompilerInterpreterMachine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Chicory's interpreter plus the SIMD128 instructions, which Chicory 1.7.5 leaves to subclasses: its
 * compiler rejects them ("Unhandled opcode"), and its own SIMD interpreter is not on Maven Central and
 * needs Java 25's incubating Vector API. This one is plain Java 17. It runs the given functions and
 * calls any other through the instance's machine (Chicory's CompilerInterpreterMachine, the interpreter
 * its compiled code uses, does that), so with {@link SplitMachine} only the v128 functions are
 * interpreted (see {@link Engine}).
 */
public final class SimdMachine extends CompilerInterpreterMachine {

    /** {@code functions}: the function indices this machine interprets. */
    public SimdMachine(Instance instance, int[] functions) {
        super(instance, functions);
    }

    @Override
    protected void evalDefault(
            MStack stack, Instance instance, Deque<StackFrame> callStack, Instruction instruction, Operands operands)
            throws ChicoryException {
        OpCode opcode = instruction.opcode();
        Consumer<MStack> op = SimdOps.of(opcode);
        if (op != null) {
            op.accept(stack);
        } else if (!withImmediates(stack, instance, opcode, operands)) {
            super.evalDefault(stack, instance, callStack, instruction, operands);
        }
    }

    /** The instructions with immediates (memarg, lane, constant); false for any other. */
    private static boolean withImmediates(MStack stack, Instance instance, OpCode opcode, Operands operands) {
        switch (opcode) {
            case V128_CONST:
                V128.push(stack, new long[] {operands.get(0), operands.get(1)});
                return true;
            case I8x16_SHUFFLE:
                shuffle(stack, new long[] {operands.get(0), operands.get(1)});
                return true;
            default:
                return lane(stack, opcode, operands) || memory(stack, instance, opcode, operands);
        }
    }

    private static void shuffle(MStack stack, long[] indices) {
        long[] b = V128.pop(stack);
        long[] a = V128.pop(stack);
        long[] r = new long[2];
        for (int i = 0; i < 16; i++) {
            int j = (int) V128.lane(indices, 8, i);
            V128.setLane(r, 8, i, j < 16 ? V128.lane(a, 8, j) : V128.lane(b, 8, j - 16));
        }
        V128.push(stack, r);
    }

    /** extract_lane and replace_lane; an f32 or f64 scalar is on the stack as its raw bits, an i32 sign-extended. */
    private static boolean lane(MStack stack, OpCode opcode, Operands operands) {
        switch (opcode) {
            case I8x16_EXTRACT_LANE_S: extract(stack, 8, true, operands); return true;
            case I8x16_EXTRACT_LANE_U: extract(stack, 8, false, operands); return true;
            case I16x8_EXTRACT_LANE_S: extract(stack, 16, true, operands); return true;
            case I16x8_EXTRACT_LANE_U: extract(stack, 16, false, operands); return true;
            case I32x4_EXTRACT_LANE:
            case F32x4_EXTRACT_LANE: extract(stack, 32, true, operands); return true;
            case I64x2_EXTRACT_LANE:
            case F64x2_EXTRACT_LANE: extract(stack, 64, true, operands); return true;
            case I8x16_REPLACE_LANE: replace(stack, 8, operands); return true;
            case I16x8_REPLACE_LANE: replace(stack, 16, operands); return true;
            case I32x4_REPLACE_LANE:
            case F32x4_REPLACE_LANE: replace(stack, 32, operands); return true;
            case I64x2_REPLACE_LANE:
            case F64x2_REPLACE_LANE: replace(stack, 64, operands); return true;
            default: return false;
        }
    }

    private static void extract(MStack stack, int bits, boolean signed, Operands operands) {
        stack.push(V128.lane(V128.pop(stack), bits, (int) operands.get(0), signed));
    }

    private static void replace(MStack stack, int bits, Operands operands) {
        long x = stack.pop();
        long[] v = V128.pop(stack);
        V128.setLane(v, bits, (int) operands.get(0), x);
        V128.push(stack, v);
    }

    /** Loads and stores; the memarg is (align, offset, memory), a lane index follows it. */
    private static boolean memory(MStack stack, Instance instance, OpCode opcode, Operands operands) {
        switch (opcode) {
            case V128_LOAD: load(stack, instance, operands, (m, p) -> new long[] {m.readLong(p), m.readLong(p + 8)}); return true;
            case V128_LOAD8x8_S: loadExtended(stack, instance, operands, 8, true); return true;
            case V128_LOAD8x8_U: loadExtended(stack, instance, operands, 8, false); return true;
            case V128_LOAD16x4_S: loadExtended(stack, instance, operands, 16, true); return true;
            case V128_LOAD16x4_U: loadExtended(stack, instance, operands, 16, false); return true;
            case V128_LOAD32x2_S: loadExtended(stack, instance, operands, 32, true); return true;
            case V128_LOAD32x2_U: loadExtended(stack, instance, operands, 32, false); return true;
            case V128_LOAD8_SPLAT: loadSplat(stack, instance, operands, 8); return true;
            case V128_LOAD16_SPLAT: loadSplat(stack, instance, operands, 16); return true;
            case V128_LOAD32_SPLAT: loadSplat(stack, instance, operands, 32); return true;
            case V128_LOAD64_SPLAT: loadSplat(stack, instance, operands, 64); return true;
            case V128_LOAD32_ZERO: load(stack, instance, operands, (m, p) -> new long[] {read(m, p, 32), 0}); return true;
            case V128_LOAD64_ZERO: load(stack, instance, operands, (m, p) -> new long[] {read(m, p, 64), 0}); return true;
            case V128_STORE: store(stack, instance, operands, (m, p, v) -> m.write(p, V128.toBytes(v))); return true;
            case V128_LOAD8_LANE: loadLane(stack, instance, operands, 8); return true;
            case V128_LOAD16_LANE: loadLane(stack, instance, operands, 16); return true;
            case V128_LOAD32_LANE: loadLane(stack, instance, operands, 32); return true;
            case V128_LOAD64_LANE: loadLane(stack, instance, operands, 64); return true;
            case V128_STORE8_LANE: storeLane(stack, instance, operands, 8); return true;
            case V128_STORE16_LANE: storeLane(stack, instance, operands, 16); return true;
            case V128_STORE32_LANE: storeLane(stack, instance, operands, 32); return true;
            case V128_STORE64_LANE: storeLane(stack, instance, operands, 64); return true;
            default: return false;
        }
    }

    private static void loadExtended(MStack stack, Instance instance, Operands operands, int bits, boolean signed) {
        load(stack, instance, operands, (m, p) -> SimdOps.extend(new long[] {m.readLong(p), 0}, bits, false, signed));
    }

    private static void loadSplat(MStack stack, Instance instance, Operands operands, int bits) {
        load(stack, instance, operands, (m, p) -> SimdOps.splat(bits, read(m, p, bits)));
    }

    private static void loadLane(MStack stack, Instance instance, Operands operands, int bits) {
        long[] v = V128.pop(stack);
        load(stack, instance, operands, (m, p) -> {
            V128.setLane(v, bits, (int) operands.get(3), read(m, p, bits));
            return v;
        });
    }

    private static void storeLane(MStack stack, Instance instance, Operands operands, int bits) {
        store(stack, instance, operands, (m, p, v) -> write(m, p, bits, V128.lane(v, bits, (int) operands.get(3))));
    }

    private static void load(MStack stack, Instance instance, Operands operands, Load load) {
        int ptr = readMemPtr(stack, operands);
        V128.push(stack, load.apply(instance.memory((int) operands.get(2)), ptr));
    }

    private static void store(MStack stack, Instance instance, Operands operands, Store store) {
        long[] v = V128.pop(stack);
        int ptr = readMemPtr(stack, operands);
        store.apply(instance.memory((int) operands.get(2)), ptr, v);
    }

    /** {@code bits} bits at {@code ptr}, zero-extended. */
    private static long read(Memory memory, int ptr, int bits) {
        switch (bits) {
            case 8: return memory.read(ptr) & 0xFFL;
            case 16: return memory.readShort(ptr) & 0xFFFFL;
            case 32: return memory.readInt(ptr) & 0xFFFF_FFFFL;
            default: return memory.readLong(ptr);
        }
    }

    private static void write(Memory memory, int ptr, int bits, long x) {
        switch (bits) {
            case 8: memory.writeByte(ptr, (byte) x); break;
            case 16: memory.writeShort(ptr, (short) x); break;
            case 32: memory.writeI32(ptr, (int) x); break;
            default: memory.writeLong(ptr, x); break;
        }
    }

    @FunctionalInterface
    private interface Load {
        long[] apply(Memory memory, int ptr);
    }

    @FunctionalInterface
    private interface Store {
        void apply(Memory memory, int ptr, long[] v);
    }
}
