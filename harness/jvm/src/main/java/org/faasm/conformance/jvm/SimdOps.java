package org.faasm.conformance.jvm;

import static com.dylibso.chicory.wasm.types.OpCode.*;

import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The SIMD128 instructions that take no immediate, each a function of the value stack, written lane by
 * lane in plain Java 17 (the semantics of the WebAssembly SIMD proposal, Overview.md). Instructions with
 * immediates (memory, lanes, constants, shuffles) live in {@link SimdMachine}.
 */
final class SimdOps {
    private static final Map<OpCode, Consumer<MStack>> OPS = new EnumMap<>(OpCode.class);

    private SimdOps() {}

    /** The instruction's effect, or null when it is not one of these. */
    static Consumer<MStack> of(OpCode opcode) {
        return OPS.get(opcode);
    }

    /** Widens the low or high half of {@code bits}-bit lanes to twice their width; also the narrow loads. */
    static long[] extend(long[] v, int bits, boolean high, boolean signed) {
        int n = 64 / bits;
        long[] r = new long[2];
        for (int i = 0; i < n; i++) {
            V128.setLane(r, 2 * bits, i, V128.lane(v, bits, i + (high ? n : 0), signed));
        }
        return r;
    }

    static long[] splat(int bits, long x) {
        long[] r = new long[2];
        for (int i = 0; i < 128 / bits; i++) {
            V128.setLane(r, bits, i, x);
        }
        return r;
    }

    static {
        bitwise();
        for (int bits : new int[] {8, 16, 32, 64}) {
            integer(bits);
        }
        widening();
        for (int bits : new int[] {32, 64}) {
            floating(bits);
        }
        conversions();
    }

    private static void bitwise() {
        OPS.put(V128_NOT, s -> {
            long[] a = V128.pop(s);
            V128.push(s, new long[] {~a[0], ~a[1]});
        });
        words(V128_AND, (a, b) -> a & b);
        words(V128_ANDNOT, (a, b) -> a & ~b);
        words(V128_OR, (a, b) -> a | b);
        words(V128_XOR, (a, b) -> a ^ b);
        OPS.put(V128_BITSELECT, s -> {
            long[] c = V128.pop(s);
            long[] b = V128.pop(s);
            long[] a = V128.pop(s);
            V128.push(s, new long[] {(a[0] & c[0]) | (b[0] & ~c[0]), (a[1] & c[1]) | (b[1] & ~c[1])});
        });
        OPS.put(V128_ANY_TRUE, s -> {
            long[] a = V128.pop(s);
            s.push((a[0] | a[1]) != 0 ? 1 : 0);
        });
        OPS.put(I8x16_SWIZZLE, s -> {
            long[] idx = V128.pop(s);
            long[] a = V128.pop(s);
            long[] r = new long[2];
            for (int i = 0; i < 16; i++) {
                long j = V128.lane(idx, 8, i);
                V128.setLane(r, 8, i, j < 16 ? V128.lane(a, 8, (int) j) : 0);
            }
            V128.push(s, r);
        });
        OPS.put(I8x16_POPCNT, unary(8, false, Long::bitCount));
        // splat takes an i32, an i64, or a float's raw bits, as Chicory keeps them on the stack
        for (int bits : new int[] {8, 16, 32, 64}) {
            Consumer<MStack> splat = s -> V128.push(s, splat(bits, s.pop()));
            put("I" + bits + "x" + 128 / bits + "_SPLAT", splat);
            put("F" + bits + "x" + 128 / bits + "_SPLAT", splat);
        }
    }

    /** Lane-wise arithmetic, comparisons, shifts and reductions that exist for one integer lane width. */
    private static void integer(int bits) {
        String p = "I" + bits + "x" + (128 / bits) + "_";
        put(p + "ADD", binary(bits, false, Long::sum));
        put(p + "SUB", binary(bits, false, (a, b) -> a - b));
        put(p + "MUL", binary(bits, false, (a, b) -> a * b));
        put(p + "NEG", unary(bits, false, a -> -a));
        put(p + "ABS", unary(bits, true, Math::abs));
        put(p + "ADD_SAT_S", binary(bits, true, (a, b) -> V128.saturate(a + b, bits, true)));
        put(p + "ADD_SAT_U", binary(bits, false, (a, b) -> V128.saturate(a + b, bits, false)));
        put(p + "SUB_SAT_S", binary(bits, true, (a, b) -> V128.saturate(a - b, bits, true)));
        put(p + "SUB_SAT_U", binary(bits, false, (a, b) -> V128.saturate(a - b, bits, false)));
        put(p + "MIN_S", binary(bits, true, Math::min));
        put(p + "MIN_U", binary(bits, false, Math::min));
        put(p + "MAX_S", binary(bits, true, Math::max));
        put(p + "MAX_U", binary(bits, false, Math::max));
        put(p + "AVGR_U", binary(bits, false, (a, b) -> (a + b + 1) >>> 1));
        put(p + "EQ", binary(bits, false, (a, b) -> mask(a == b)));
        put(p + "NE", binary(bits, false, (a, b) -> mask(a != b)));
        for (boolean signed : new boolean[] {true, false}) {
            // 64-bit lanes have only the signed orderings; for narrower ones a zero-extended long compares as unsigned
            String sign = signed ? "_S" : "_U";
            put(p + "LT" + sign, binary(bits, signed, (a, b) -> mask(a < b)));
            put(p + "GT" + sign, binary(bits, signed, (a, b) -> mask(a > b)));
            put(p + "LE" + sign, binary(bits, signed, (a, b) -> mask(a <= b)));
            put(p + "GE" + sign, binary(bits, signed, (a, b) -> mask(a >= b)));
        }
        put(p + "SHL", shift(bits, false, (a, n) -> a << n));
        put(p + "SHR_S", shift(bits, true, (a, n) -> a >> n));
        put(p + "SHR_U", shift(bits, false, (a, n) -> a >>> n));
        put(p + "ALL_TRUE", s -> {
            long[] a = V128.pop(s);
            int all = 1;
            for (int i = 0; i < 128 / bits; i++) {
                all &= V128.lane(a, bits, i) != 0 ? 1 : 0;
            }
            s.push(all);
        });
        put(p + "BITMASK", s -> {
            long[] a = V128.pop(s);
            int m = 0;
            for (int i = 0; i < 128 / bits; i++) {
                m |= (int) (V128.lane(a, bits, i) >>> (bits - 1)) << i;
            }
            s.push(m);
        });
    }

    /** Instructions whose result lanes are wider or narrower than their operands'. */
    private static void widening() {
        for (int bits : new int[] {8, 16, 32}) {
            String to = "I" + 2 * bits + "x" + 64 / bits + "_";
            String from = "_I" + bits + "x" + 128 / bits;
            for (boolean signed : new boolean[] {true, false}) {
                String sign = signed ? "_S" : "_U";
                for (boolean high : new boolean[] {false, true}) {
                    String half = high ? "HIGH" : "LOW";
                    put(to + "EXTEND_" + half + from + sign, s -> V128.push(s, extend(V128.pop(s), bits, high, signed)));
                    put(to + "EXTMUL_" + half + from + sign, s -> {
                        long[] b = extend(V128.pop(s), bits, high, signed);
                        long[] a = extend(V128.pop(s), bits, high, signed);
                        V128.push(s, lanes(2 * bits, false, a, b, (x, y) -> x * y));
                    });
                }
                if (bits < 32) {
                    put(to + "EXTADD_PAIRWISE" + from + sign, s -> {
                        long[] a = V128.pop(s);
                        long[] r = new long[2];
                        for (int i = 0; i < 64 / bits; i++) {
                            V128.setLane(r, 2 * bits, i, V128.lane(a, bits, 2 * i, signed) + V128.lane(a, bits, 2 * i + 1, signed));
                        }
                        V128.push(s, r);
                    });
                    put("I" + bits + "x" + 128 / bits + "_NARROW_I" + 2 * bits + "x" + 64 / bits + sign, s -> {
                        long[] b = V128.pop(s);
                        long[] a = V128.pop(s);
                        long[] r = new long[2];
                        int n = 64 / bits;
                        for (int i = 0; i < n; i++) {
                            V128.setLane(r, bits, i, V128.saturate(V128.signedLane(a, 2 * bits, i), bits, signed));
                            V128.setLane(r, bits, n + i, V128.saturate(V128.signedLane(b, 2 * bits, i), bits, signed));
                        }
                        V128.push(s, r);
                    });
                }
            }
        }
        OPS.put(I32x4_DOT_I16x8_S, s -> {
            long[] b = V128.pop(s);
            long[] a = V128.pop(s);
            long[] r = new long[2];
            for (int i = 0; i < 4; i++) {
                V128.setLane(r, 32, i, V128.signedLane(a, 16, 2 * i) * V128.signedLane(b, 16, 2 * i)
                        + V128.signedLane(a, 16, 2 * i + 1) * V128.signedLane(b, 16, 2 * i + 1));
            }
            V128.push(s, r);
        });
        OPS.put(I16x8_Q15MULR_SAT_S, binary(16, true, (a, b) -> V128.saturate((a * b + 0x4000) >> 15, 16, true)));
    }

    private static void floating(int bits) {
        String p = "F" + bits + "x" + (128 / bits) + "_";
        long sign = 1L << (bits - 1);
        // abs and neg touch only the sign bit, NaN payloads included
        put(p + "ABS", unary(bits, false, a -> a & ~sign));
        put(p + "NEG", unary(bits, false, a -> a ^ sign));
        put(p + "SQRT", floatUnary(bits, Math::sqrt));
        put(p + "CEIL", floatUnary(bits, Math::ceil));
        put(p + "FLOOR", floatUnary(bits, Math::floor));
        put(p + "TRUNC", floatUnary(bits, a -> a < 0 ? Math.ceil(a) : Math.floor(a)));
        put(p + "NEAREST", floatUnary(bits, Math::rint));
        // computing a float lane in double and rounding once is exact for + - * / sqrt (double has > 2*24+2 bits)
        put(p + "ADD", floatBinary(bits, Double::sum));
        put(p + "SUB", floatBinary(bits, (a, b) -> a - b));
        put(p + "MUL", floatBinary(bits, (a, b) -> a * b));
        put(p + "DIV", floatBinary(bits, (a, b) -> a / b));
        put(p + "MIN", floatBinary(bits, Math::min));
        put(p + "MAX", floatBinary(bits, Math::max));
        put(p + "PMIN", floatBinary(bits, (a, b) -> b < a ? b : a));
        put(p + "PMAX", floatBinary(bits, (a, b) -> a < b ? b : a));
        put(p + "EQ", floatLanes(bits, (a, b) -> mask(a == b)));
        put(p + "NE", floatLanes(bits, (a, b) -> mask(a != b)));
        put(p + "LT", floatLanes(bits, (a, b) -> mask(a < b)));
        put(p + "GT", floatLanes(bits, (a, b) -> mask(a > b)));
        put(p + "LE", floatLanes(bits, (a, b) -> mask(a <= b)));
        put(p + "GE", floatLanes(bits, (a, b) -> mask(a >= b)));
    }

    private static void conversions() {
        OPS.put(I32x4_TRUNC_SAT_F32X4_S, convert(32, 32, 4, x -> (int) toDouble(32, x)));
        OPS.put(I32x4_TRUNC_SAT_F32X4_U, convert(32, 32, 4, x -> truncSatU32(toDouble(32, x))));
        OPS.put(I32x4_TRUNC_SAT_F64x2_S_ZERO, convert(64, 32, 2, x -> (int) toDouble(64, x)));
        OPS.put(I32x4_TRUNC_SAT_F64x2_U_ZERO, convert(64, 32, 2, x -> truncSatU32(toDouble(64, x))));
        OPS.put(F32x4_CONVERT_I32x4_S, convert(32, 32, 4, x -> fromDouble(32, (int) x)));
        OPS.put(F32x4_CONVERT_I32x4_U, convert(32, 32, 4, x -> fromDouble(32, (float) x)));
        OPS.put(F64x2_CONVERT_LOW_I32x4_S, convert(32, 64, 2, x -> fromDouble(64, (int) x)));
        OPS.put(F64x2_CONVERT_LOW_I32x4_U, convert(32, 64, 2, x -> fromDouble(64, x)));
        OPS.put(F32x4_DEMOTE_LOW_F64x2_ZERO, convert(64, 32, 2, x -> fromDouble(32, toDouble(64, x))));
        OPS.put(F64x2_PROMOTE_LOW_F32x4, convert(32, 64, 2, x -> fromDouble(64, toDouble(32, x))));
    }

    private static long truncSatU32(double d) {
        if (Double.isNaN(d) || d <= 0) {
            return 0;
        }
        return d >= 4294967295.0 ? 0xFFFF_FFFFL : (long) d;
    }

    /** Registers an instruction by its Chicory name; the loops above also form names SIMD128 lacks (i64x2.min_u), skipped. */
    private static void put(String name, Consumer<MStack> op) {
        for (OpCode opcode : OpCode.values()) {
            if (opcode.name().equals(name)) {
                OPS.put(opcode, op);
            }
        }
    }

    private static void words(OpCode opcode, LongBinaryOperator f) {
        OPS.put(opcode, s -> {
            long[] b = V128.pop(s);
            long[] a = V128.pop(s);
            V128.push(s, new long[] {f.applyAsLong(a[0], b[0]), f.applyAsLong(a[1], b[1])});
        });
    }

    private static long mask(boolean b) {
        return b ? -1L : 0L;
    }

    private static long[] lanes(int bits, boolean signed, long[] a, long[] b, LongBinaryOperator f) {
        long[] r = new long[2];
        for (int i = 0; i < 128 / bits; i++) {
            V128.setLane(r, bits, i, f.applyAsLong(V128.lane(a, bits, i, signed), V128.lane(b, bits, i, signed)));
        }
        return r;
    }

    private static Consumer<MStack> binary(int bits, boolean signed, LongBinaryOperator f) {
        return s -> {
            long[] b = V128.pop(s);
            long[] a = V128.pop(s);
            V128.push(s, lanes(bits, signed, a, b, f));
        };
    }

    private static Consumer<MStack> unary(int bits, boolean signed, LongUnaryOperator f) {
        return s -> {
            long[] a = V128.pop(s);
            V128.push(s, lanes(bits, signed, a, a, (x, unused) -> f.applyAsLong(x)));
        };
    }

    /** A shift by an i32 count taken modulo the lane width. */
    private static Consumer<MStack> shift(int bits, boolean signed, LongBinaryOperator f) {
        return s -> {
            long count = s.pop() & (bits - 1);
            long[] a = V128.pop(s);
            V128.push(s, lanes(bits, signed, a, a, (x, unused) -> f.applyAsLong(x, count)));
        };
    }

    /** {@code count} lanes of {@code from} bits converted to lanes of {@code to} bits; the rest are zero. */
    private static Consumer<MStack> convert(int from, int to, int count, LongUnaryOperator f) {
        return s -> {
            long[] a = V128.pop(s);
            long[] r = new long[2];
            for (int i = 0; i < count; i++) {
                V128.setLane(r, to, i, f.applyAsLong(V128.lane(a, from, i)));
            }
            V128.push(s, r);
        };
    }

    private static Consumer<MStack> floatUnary(int bits, DoubleUnaryOperator f) {
        return unary(bits, false, a -> fromDouble(bits, f.applyAsDouble(toDouble(bits, a))));
    }

    private static Consumer<MStack> floatBinary(int bits, DoubleBinaryOperator f) {
        return floatLanes(bits, (a, b) -> fromDouble(bits, f.applyAsDouble(a, b)));
    }

    /** Lanes of floats in, raw lane bits out. */
    private static Consumer<MStack> floatLanes(int bits, DoubleToLong f) {
        return binary(bits, false, (a, b) -> f.apply(toDouble(bits, a), toDouble(bits, b)));
    }

    private static double toDouble(int bits, long raw) {
        return bits == 32 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
    }

    private static long fromDouble(int bits, double d) {
        return bits == 32 ? Float.floatToRawIntBits((float) d) : Double.doubleToRawLongBits(d);
    }

    @FunctionalInterface
    private interface DoubleToLong {
        long apply(double a, double b);
    }
}
