package org.faasm.conformance.jvm;

import com.dylibso.chicory.wasm.types.OpCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A wasm module with one exported function per case, {@code () -> (i64, i64)}: each runs one SIMD128
 * instruction on constant operands drawn at random (edge values likely) and returns its result as two
 * i64s (a scalar result in the first). One 64 KiB memory, its first 64 bytes random, for the loads and
 * stores; some addresses are past its end, so those cases trap. Written in the binary format by hand,
 * as no wat2wasm is on Maven Central for Java.
 */
final class SimdCaseModule {
    static final int CASES_PER_INSTRUCTION = 12;
    private static final int PAGE = 65536;
    private static final float[] F32 = {0f, -0f, 1f, -1f, 0.5f, -1.5f, 2.5f, 3.5f, -2.5f, 1e10f, -1e10f, 3e9f, 4.5e9f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-40f, 123.456f, 16777217f, -2147483904f};
    private static final double[] F64 = {0d, -0d, 1d, -1d, 0.5d, -1.5d, 2.5d, 3.5d, -2.5d, 1e300, -1e300, 3e9, 4.5e9,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 4.9e-324, 123.456, 2147483647.5, -2147483648.9};
    private static final int[] EDGE_BYTES = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x81};

    private final Random random;
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    SimdCaseModule(long seed) {
        this.random = new Random(seed);
        for (OpCode opcode : OpCode.values()) {
            if ((opcode.opcode() & 0xFF00) == 0xFD00) {
                for (int i = 0; i < CASES_PER_INSTRUCTION; i++) {
                    names.add(opcode.name() + "#" + i);
                    bodies.add(body(opcode));
                }
            }
        }
    }

    /** The export names, in export order: the instruction's Chicory name, '#', the case number. */
    List<String> names() {
        return names;
    }

    byte[] bytes() {
        Out module = new Out();
        module.raw(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        module.section(1, new Out().u(1).raw(0x60, 0x00, 0x02, 0x7e, 0x7e));
        Out functions = new Out().u(bodies.size());
        bodies.forEach(b -> functions.u(0));
        module.section(3, functions);
        module.section(5, new Out().u(1).raw(0x00).u(1));
        Out exports = new Out().u(names.size());
        for (int i = 0; i < names.size(); i++) {
            exports.name(names.get(i)).raw(0x00).u(i);
        }
        module.section(7, exports);
        Out code = new Out().u(bodies.size());
        for (byte[] body : bodies) {
            Out function = new Out().u(1).u(1).raw(0x7b).bytes(body).raw(0x0b);
            code.u(function.size()).bytes(function.toByteArray());
        }
        module.section(10, code);
        byte[] data = new byte[64];
        random.nextBytes(data);
        module.section(11, new Out().u(1).raw(0x00, 0x41, 0x00, 0x0b).u(data.length).bytes(data));
        return module.toByteArray();
    }

    private byte[] body(OpCode opcode) {
        String name = opcode.name();
        Out b = new Out();
        Result result = Result.V128;
        if (name.startsWith("V128_LOAD") || name.startsWith("V128_STORE")) {
            memory(b, opcode);
        } else if (opcode == OpCode.V128_CONST) {
            vector(b, Shape.INT);
        } else if (opcode == OpCode.I8x16_SHUFFLE) {
            vector(b, Shape.INT);
            vector(b, Shape.INT);
            simd(b, opcode);
            for (int i = 0; i < 16; i++) {
                b.raw(random.nextInt(32));
            }
        } else if (name.endsWith("_SPLAT")) {
            scalar(b, name);
            simd(b, opcode);
        } else if (name.contains("_EXTRACT_LANE")) {
            vector(b, operandShape(name));
            simd(b, opcode).raw(random.nextInt(lanes(name)));
            result = Result.of(name);
        } else if (name.endsWith("_REPLACE_LANE")) {
            vector(b, operandShape(name));
            scalar(b, name);
            simd(b, opcode).raw(random.nextInt(lanes(name)));
        } else if (name.contains("_SHL") || name.contains("_SHR_")) {
            vector(b, Shape.INT);
            int[] counts = {0, 1, 7, 8, 15, 16, 31, 33, 63, 64, -1, random.nextInt()};
            b.raw(0x41).s(counts[random.nextInt(counts.length)]);
            simd(b, opcode);
        } else if (name.endsWith("ANY_TRUE") || name.endsWith("ALL_TRUE") || name.endsWith("BITMASK")) {
            vector(b, Shape.INT);
            simd(b, opcode);
            result = Result.I32;
        } else {
            int operands = opcode == OpCode.V128_BITSELECT ? 3 : unary(name) ? 1 : 2;
            for (int i = 0; i < operands; i++) {
                vector(b, operandShape(name));
            }
            simd(b, opcode);
        }
        result.epilogue(b);
        return b.toByteArray();
    }

    /** A load reads at an address; a store writes there and the case then loads those 16 bytes. */
    private void memory(Out b, OpCode opcode) {
        int[] addresses = {0, 3, 16, 40, PAGE - 16, PAGE - 8, PAGE - 2, PAGE + 1};
        int address = random.nextInt(8) < 6 ? addresses[random.nextInt(4)] : addresses[4 + random.nextInt(4)];
        int offset = random.nextInt(5);
        b.raw(0x41).s(address);
        boolean lane = opcode.name().endsWith("_LANE");
        if (opcode.name().startsWith("V128_STORE") || lane) {
            vector(b, Shape.INT);
        }
        simd(b, opcode).u(0).u(offset);
        if (lane) {
            b.raw(random.nextInt(128 / laneBits(opcode.name())));
        }
        if (opcode.name().startsWith("V128_STORE")) {
            b.raw(0x41).s(address);
            simd(b, OpCode.V128_LOAD).u(0).u(offset);
        }
    }

    private static int laneBits(String name) {
        return Integer.parseInt(name.replaceAll("\\D", "").substring(3));
    }

    private Out simd(Out b, OpCode opcode) {
        return b.raw(0xfd).u(opcode.opcode() & 0xFF);
    }

    private void vector(Out b, Shape shape) {
        Out bytes = new Out();
        for (int i = 0; i < 16 / shape.bytes; i++) {
            switch (shape) {
                case F32: bytes.le(Float.floatToRawIntBits(F32[random.nextInt(F32.length)]), 4); break;
                case F64: bytes.le(Double.doubleToRawLongBits(F64[random.nextInt(F64.length)]), 8); break;
                default: bytes.raw(random.nextInt(3) == 0 ? random.nextInt(256) : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)]);
            }
        }
        b.raw(0xfd).u(0x0c).bytes(bytes.toByteArray());
    }

    /** The scalar a splat or replace_lane takes: i32, i64, f32 or f64 by the instruction's shape. */
    private void scalar(Out b, String name) {
        if (name.startsWith("F32")) {
            b.raw(0x43).le(Float.floatToRawIntBits(F32[random.nextInt(F32.length)]), 4);
        } else if (name.startsWith("F64")) {
            b.raw(0x44).le(Double.doubleToRawLongBits(F64[random.nextInt(F64.length)]), 8);
        } else if (name.startsWith("I64")) {
            b.raw(0x42).s(random.nextBoolean() ? random.nextLong() : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] - 128L);
        } else {
            b.raw(0x41).s(random.nextBoolean() ? random.nextInt() : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] - 128);
        }
    }

    private static boolean unary(String name) {
        String op = name.substring(name.indexOf('_') + 1);
        return op.equals("NOT") || op.equals("ABS") || op.equals("NEG") || op.equals("POPCNT") || op.equals("SQRT")
                || op.equals("CEIL") || op.equals("FLOOR") || op.equals("TRUNC") || op.equals("NEAREST")
                || op.startsWith("EXTEND_") || op.startsWith("EXTADD_PAIRWISE") || op.startsWith("CONVERT")
                || op.startsWith("TRUNC_SAT") || op.startsWith("DEMOTE") || op.startsWith("PROMOTE");
    }

    /** The lanes of the operand vectors: floats for float instructions and conversions from floats. */
    private static Shape operandShape(String name) {
        String op = name.substring(name.indexOf('_') + 1).toUpperCase();
        if (op.contains("F32X4")) {
            return Shape.F32;
        }
        if (op.contains("F64X2")) {
            return Shape.F64;
        }
        if (op.matches(".*I\\d+X\\d+.*")) {
            return Shape.INT;
        }
        return name.startsWith("F32") ? Shape.F32 : name.startsWith("F64") ? Shape.F64 : Shape.INT;
    }

    private static int lanes(String name) {
        return Integer.parseInt(name.substring(name.indexOf('x') + 1, name.indexOf('_')));
    }

    private enum Shape {
        INT(1), F32(4), F64(8);

        final int bytes;

        Shape(int bytes) {
            this.bytes = bytes;
        }
    }

    /** How a case turns its result into (i64, i64). */
    private enum Result {
        // local 0 is a v128: the tee also checks that a v128 local reads back as written
        V128(0x22, 0x00, 0xfd, 0x1d, 0x00, 0x20, 0x00, 0xfd, 0x1d, 0x01),
        I32(0xac, 0x42, 0x00),
        I64(0x42, 0x00),
        F32(0xbc, 0xad, 0x42, 0x00),
        F64(0xbd, 0x42, 0x00);

        private final int[] code;

        Result(int... code) {
            this.code = code;
        }

        void epilogue(Out b) {
            b.raw(code);
        }

        static Result of(String extract) {
            return extract.startsWith("F32") ? F32 : extract.startsWith("F64") ? F64 : extract.startsWith("I64") ? I64 : I32;
        }
    }

    /** Bytes in the wasm binary encoding. */
    private static final class Out extends ByteArrayOutputStream {
        Out raw(int... values) {
            for (int v : values) {
                write(v);
            }
            return this;
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        Out u(long v) {
            do {
                int b = (int) (v & 0x7f);
                v >>>= 7;
                write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Out s(long v) {
            while (true) {
                int b = (int) (v & 0x7f);
                v >>= 7;
                if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                    write(b);
                    return this;
                }
                write(b | 0x80);
            }
        }

        Out le(long v, int bytes) {
            for (int i = 0; i < bytes; i++) {
                write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Out name(String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return u(b.length).bytes(b);
        }

        Out section(int id, Out content) {
            raw(id).u(content.size());
            return bytes(content.toByteArray());
        }
    }
}
