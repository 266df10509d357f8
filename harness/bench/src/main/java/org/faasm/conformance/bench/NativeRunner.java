package org.faasm.conformance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The limit: the same C file compiled for the host with the same compiler and -O2, linked with
 * func/bench/native_main.c (which times bench_kernel and stubs the Faasm imports).
 */
final class NativeRunner implements KernelRunner {

    private final ProjectLayout layout;
    private final String cc;
    private final Path scratch;

    NativeRunner(ProjectLayout layout, String cc, Path scratch) {
        this.layout = layout;
        this.cc = cc;
        this.scratch = scratch;
    }

    @Override
    public Engine engine() {
        return Engine.NATIVE;
    }

    @Override
    public Measurement run(Kernel kernel, RunPlan plan) {
        String version = Processes.version(cc);
        if (version == null) {
            return Measurement.unavailable("C compiler '" + cc + "' not found");
        }
        Path source = layout.source(kernel);
        if (!Files.isRegularFile(source) || !Files.isRegularFile(layout.nativeShim())) {
            return Measurement.unavailable("missing " + source + " or " + layout.nativeShim());
        }
        Path binary = scratch.resolve(kernel.moduleName() + "-native");
        try {
            Processes.Result build = Processes.run(List.of(cc, "-O2", "-DBENCH_NATIVE",
                    "-o", binary.toString(), source.toString(), layout.nativeShim().toString()),
                    layout.root(), Duration.ofMinutes(2));
            if (!build.succeeded()) {
                return Measurement.unavailable("native build failed: " + build.failureSummary());
            }
            Processes.Result run = Processes.run(
                    Processes.concat(List.of(binary.toString()), plan.toolArgs()), layout.root(), timeout(plan));
            if (!run.succeeded()) {
                return Measurement.error("native run failed: " + run.failureSummary());
            }
            return SampleOutput.parse(run.stdout(), plan.n(), cc + " -O2 (" + version + ")");
        } catch (IOException e) {
            return Measurement.error("native: " + e.getMessage());
        }
    }

    /** Two budgeted phases plus one overrunning call each, with generous slack. */
    static Duration timeout(RunPlan plan) {
        return Duration.ofMillis(4 * plan.budgetMillis() + 120_000);
    }
}
