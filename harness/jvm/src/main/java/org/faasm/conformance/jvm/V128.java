package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.MStack;

/**
 * A 128-bit wasm vector as Chicory's interpreter keeps it: two longs on the value stack, the low half
 * (bytes 0–7, little-endian) pushed first. Lanes are numbered from the low byte, as in the SIMD spec.
 */
final class V128 {
    private V128() {}

    /** Pops a vector: {low, high}. */
    static long[] pop(MStack stack) {
        long high = stack.pop();
        long low = stack.pop();
        return new long[] {low, high};
    }

    static void push(MStack stack, long[] v) {
        stack.push(v[0]);
        stack.push(v[1]);
    }

    /** Lane {@code i} of {@code bits} bits, zero-extended. */
    static long lane(long[] v, int bits, int i) {
        int bit = i * bits;
        long word = v[bit >>> 6] >>> (bit & 63);
        return bits == 64 ? word : word & mask(bits);
    }

    /** Lane {@code i} of {@code bits} bits, sign-extended. */
    static long signedLane(long[] v, int bits, int i) {
        return signExtend(lane(v, bits, i), bits);
    }

    static long lane(long[] v, int bits, int i, boolean signed) {
        return signed ? signedLane(v, bits, i) : lane(v, bits, i);
    }

    /** Sets lane {@code i} to the low {@code bits} bits of {@code x}. */
    static void setLane(long[] v, int bits, int i, long x) {
        int bit = i * bits;
        int shift = bit & 63;
        long m = bits == 64 ? -1L : mask(bits);
        v[bit >>> 6] = (v[bit >>> 6] & ~(m << shift)) | ((x & m) << shift);
    }

    static long signExtend(long x, int bits) {
        int unused = 64 - bits;
        return (x << unused) >> unused;
    }

    /** Clamps {@code x} to the range of a {@code bits}-bit lane, signed or unsigned (saturating ops). */
    static long saturate(long x, int bits, boolean signed) {
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : mask(bits);
        return Math.max(min, Math.min(max, x));
    }

    static byte[] toBytes(long[] v) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) lane(v, 8, i);
        }
        return bytes;
    }

    private static long mask(int bits) {
        return (1L << bits) - 1;
    }
}
