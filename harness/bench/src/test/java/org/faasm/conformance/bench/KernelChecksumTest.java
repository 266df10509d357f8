package org.faasm.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real kernels in quick mode through the JVM engine and checks the checksums against values
 * computed independently (Java), natively and on V8. No timing assertions: this guards correctness.
 */
class KernelChecksumTest {

    private static final Kernel FIB = Kernel.byName("fib");
    private static final Kernel SHA256 = Kernel.byName("sha256");

    @TempDir
    static Path scratch;

    private static ProjectLayout layout;
    private static WasmModules modules;

    @BeforeAll
    static void setUp() {
        layout = ProjectLayout.locate();
        modules = new WasmModules(layout, "clang", scratch);
    }

    private static RunPlan quick(Kernel kernel) {
        return new RunPlan(kernel.quickN(), 1, 0, 2, 1_000);
    }

    private static Measurement chicory(Engine engine, Kernel kernel) {
        Measurement m = new ChicoryRunner(engine, modules, false).run(kernel, quick(kernel));
        assertThat(m.status()).as("%s on %s: %s", kernel.name(), engine.id(), m.reason())
                .isEqualTo(Measurement.Status.OK);
        return m;
    }

    @Test
    void fibOnChicoryCompilerAndInterpreterIsFib20() {
        assertThat(FIB.quickN()).isEqualTo(20);
        assertThat(chicory(Engine.CHICORY_COMPILER, FIB).checksum()).isEqualTo(6765);
        assertThat(chicory(Engine.CHICORY_INTERPRETER, FIB).checksum()).isEqualTo(6765);
    }

    @Test
    void sha256OnChicoryCompilerMatchesJavaMessageDigest() throws Exception {
        // Same xorshift32 input as input_of() in func/bench_sha256.c; checksum = first 4 digest bytes.
        byte[] data = new byte[SHA256.quickN() * 1024];
        int x = 0x12345678;
        for (int i = 0; i < data.length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            data[i] = (byte) x;
        }
        int expected = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(data)).getInt();
        assertThat(chicory(Engine.CHICORY_COMPILER, SHA256).checksum()).isEqualTo(expected);
    }

    /** A SIMD128 module runs on the jvm engine's interpreter, in the compiler's column too, and computes the C loop. */
    @Test
    void simdDotOnChicoryIsInterpretedAndMatchesJava() {
        Kernel simd = Kernel.byName("simd_dot");
        int len = 1 << 19;
        short[] a = new short[len];
        short[] b = new short[len];
        for (int i = 0; i < len; i++) {
            a[i] = (short) ((i * 0x9E3779B1) >>> 16);
            b[i] = (short) (i * 40503);
        }
        int expected = 0;
        for (int round = 0; round < simd.quickN(); round++) {
            int dot = 0;
            for (int i = 0; i < len; i++) {
                dot += a[i] * (short) (b[i] ^ round);
            }
            expected = expected * 31 + dot;
        }
        Measurement m = chicory(Engine.CHICORY_COMPILER, simd);
        assertThat(m.checksum()).isEqualTo(expected);
        assertThat(m.detail()).contains("2 SIMD128 functions interpreted");
    }

    @Test
    void nativeAgreesWithChicory() {
        assumeTrue(Processes.version("clang") != null, "clang not installed");
        Measurement nat = new NativeRunner(layout, "clang", scratch).run(FIB, quick(FIB));
        assertThat(nat.status()).as(String.valueOf(nat.reason())).isEqualTo(Measurement.Status.OK);
        assertThat(nat.checksum()).isEqualTo(chicory(Engine.CHICORY_COMPILER, FIB).checksum());
    }

    @Test
    void v8AgreesWithChicory() {
        assumeTrue(Processes.version("node") != null, "node not installed");
        Measurement v8 = new V8Runner(layout, "node", modules).run(SHA256, quick(SHA256));
        assertThat(v8.status()).as(String.valueOf(v8.reason())).isEqualTo(Measurement.Status.OK);
        assertThat(v8.checksum()).isEqualTo(chicory(Engine.CHICORY_COMPILER, SHA256).checksum());
    }

    @Test
    void graalWasmAgreesWithChicory() {
        String java = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
        assumeTrue(Processes.version(java) != null, "no Java 21+ at " + java);
        Measurement graal = new GraalWasmRunner(layout, java, "mvn", modules, scratch).run(FIB, quick(FIB));
        assertThat(graal.status()).as(String.valueOf(graal.reason())).isEqualTo(Measurement.Status.OK);
        assertThat(graal.checksum()).isEqualTo(chicory(Engine.CHICORY_COMPILER, FIB).checksum());
        assertThat(graal.detail()).contains("optimizing runtime");
    }
}
