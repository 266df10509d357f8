package org.faasm.conformance.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Runs every kernel on every engine and assembles the "kernels" section with its target. */
public final class KernelBench {

    /** The target: the JVM engine within 1.5x of V8 on every kernel, geomean <= 1.2x. */
    public static final Target TARGET =
            new Target(Ratio.of(Engine.CHICORY_COMPILER, Engine.V8, "compiler/V8"), 1.5, 1.2);

    static final List<Ratio> RATIOS = List.of(
            TARGET.ratio(),
            Ratio.of(Engine.GRAALWASM, Engine.V8, "GraalWasm/V8"),
            Ratio.of(Engine.CHICORY_COMPILER, Engine.NATIVE, "compiler/native"),
            Ratio.of(Engine.V8, Engine.NATIVE, "V8/native"),
            Ratio.of(Engine.CHICORY_INTERPRETER, Engine.CHICORY_COMPILER, "interp/compiler"));

    /** Why the kernels are not built as Faasm builds functions (func/build.sh, README "Building the functions"). */
    static final String SCALAR_BUILD_NOTE = "fib, sha256, matmul and memcpy are built without -msimd128, although Faasm"
            + " builds every function with it: the jvm engine interprets the functions that use v128, so vectorised"
            + " kernels would time its interpreter, not Chicory's compiler; simd_dot is the SIMD row";

    private final List<KernelRunner> runners;
    private final BiFunction<Kernel, Engine, RunPlan> plans;
    private final PrintStream progress;

    /**
     * @param plans  the run plan per kernel and engine (the interpreter gets a smaller budget)
     * @param progress where to report each cell as it finishes; the bench takes a while
     */
    public KernelBench(List<KernelRunner> runners, BiFunction<Kernel, Engine, RunPlan> plans, PrintStream progress) {
        this.runners = runners;
        this.plans = plans;
        this.progress = progress;
    }

    public BenchSection run(List<Kernel> kernels) {
        List<BenchRow> rows = kernels.stream().map(this::runKernel).toList();
        List<Column> columns = runners.stream().map(r -> Column.of(r.engine())).toList();
        List<String> present = columns.stream().map(Column::id).toList();
        List<Ratio> ratios = RATIOS.stream()
                .filter(r -> present.contains(r.numerator()) && present.contains(r.denominator()))
                .toList();
        return BenchSection.of("kernels", "Compute kernels", "ms", columns, ratios, TARGET, rows)
                .withNotes(List.of(SCALAR_BUILD_NOTE));
    }

    private BenchRow runKernel(Kernel kernel) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        for (KernelRunner runner : runners) {
            RunPlan plan = plans.apply(kernel, runner.engine());
            Measurement m = runner.run(kernel, plan);
            cells.put(runner.engine().id(), m);
            progress.printf("  %-8s %-20s %s%n", kernel.name(), runner.engine().id(), m.isOk()
                    ? String.format("%.2f ms (checksum %d, %s)", m.medianNs() / 1e6, m.checksum(), m.method())
                    : m.status() + ": " + m.reason());
        }
        return BenchRow.of(kernel.name(), kernel.nMeaning(), cells, RATIOS, TARGET);
    }
}
