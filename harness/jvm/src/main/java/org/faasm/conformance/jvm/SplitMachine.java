package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Machine;
import java.util.Arrays;

/**
 * One instance's machine when only some functions use v128: those run on {@link SimdMachine}, the rest
 * on the compiled machine. Chicory's compiled code reaches a function it was told not to compile
 * through the instance's machine, so this is also the way back into SIMD from compiled code.
 */
final class SplitMachine implements Machine {
    private final Machine compiled;
    private final SimdMachine simd;
    private final int[] simdFunctions;

    /** {@code simdFunctions} sorted ascending. */
    SplitMachine(Machine compiled, SimdMachine simd, int[] simdFunctions) {
        this.compiled = compiled;
        this.simd = simd;
        this.simdFunctions = simdFunctions;
    }

    @Override
    public long[] call(int funcId, long[] args) {
        return Arrays.binarySearch(simdFunctions, funcId) >= 0 ? simd.call(funcId, args) : compiled.call(funcId, args);
    }
}
