package org.faasm.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GraalWasm column needs Java 21+: without it the cell says so, naming the java it was given. */
class GraalWasmRunnerTest {

    private static final Kernel FIB = Kernel.byName("fib");
    private static final RunPlan PLAN = new RunPlan(FIB.quickN(), 1, 0, 1, 1_000);

    @TempDir
    Path scratch;

    private Measurement runWith(String java) {
        ProjectLayout layout = ProjectLayout.locate();
        return new GraalWasmRunner(layout, java, "mvn", new WasmModules(layout, "clang", scratch), scratch)
                .run(FIB, PLAN);
    }

    @Test
    void missingJavaIsUnavailableNamingIt() {
        String java = scratch.resolve("no-such-jdk").resolve("bin").resolve("java").toString();
        Measurement m = runWith(java);
        assertThat(m.status()).isEqualTo(Measurement.Status.UNAVAILABLE);
        assertThat(m.reason()).contains("needs Java 21+", java, "not found");
    }

    @Test
    void javaOlderThan21IsUnavailableNamingItsVersion() {
        assumeTrue(Runtime.version().feature() < GraalWasmRunner.MIN_JAVA, "the test JVM is itself 21+");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Measurement m = runWith(java);
        assertThat(m.status()).isEqualTo(Measurement.Status.UNAVAILABLE);
        assertThat(m.reason()).contains("needs Java 21+", java, " " + Runtime.version().feature() + ".");
    }
}
