package org.faasm.conformance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faasm-conformance bench}: the compute kernels on native code, V8 and Chicory (compiler and
 * interpreter) side by side, with the ratios against the JVM-engine target.
 *
 * <p>Exit codes: 0 done (targets may be missed: see the table), 1 a checksum disagreed or a
 * Chicory engine failed, 3 a target was missed and {@code --fail-on-miss} was given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the func/bench_*.c kernels natively, on V8 and on Chicory; print and write the ratios.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--kernels", split = ",", paramLabel = "NAME",
            description = "Kernels to run (default: all: fib, sha256, matmul, memcpy).")
    List<String> kernels;

    @Option(names = "--engines", split = ",", paramLabel = "ID",
            description = "Columns to run (default: all: native, v8, chicory-compiler, chicory-interpreter).")
    List<String> engines;

    @Option(names = "--out", paramLabel = "FILE",
            description = "JSON report (default: reports/bench.json under the repository root).")
    Path out;

    @Option(names = "--quick", description = "Small n and few iterations: a smoke run of a few seconds, not a measurement.")
    boolean quick;

    @Option(names = "--iterations", description = "Timed calls per kernel and engine (default: 15; quick: 3).")
    Integer iterations;

    @Option(names = "--warmup", description = "Minimum warm-up calls before timing (default: 5; quick: 1).")
    Integer warmup;

    @Option(names = "--warmup-ms", description = "Minimum warm-up time, for JIT tiers to settle (default: 1500; quick: 50).")
    Long warmupMillis;

    @Option(names = "--budget-ms", description = "Time cap per phase (warm-up, timed) per cell (default: 10000; quick: 2000).")
    Long budgetMillis;

    @Option(names = "--interpreter-budget-ms",
            description = "Time cap for the Chicory interpreter's timed calls; it runs the same n with no "
                    + "warm-up and at most 3 calls (default: 3000; quick: 1000).")
    Long interpreterBudgetMillis;

    @Option(names = "--byte-buffer-memory",
            description = "Give Chicory its library default ByteBufferMemory instead of the ByteArrayMemory the jvm backend uses.")
    boolean byteBufferMemory;

    @Option(names = "--root", description = "Repository root (default: found upwards from the working directory).")
    Path root;

    @Option(names = "--cc", description = "C compiler for the native column and for missing modules (default: clang).")
    String cc = "clang";

    @Option(names = "--node", description = "Node.js binary for the V8 column (default: node).")
    String node = "node";

    @Option(names = "--fail-on-miss", description = "Exit with 3 when the JVM-engine target is missed.")
    boolean failOnMiss;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ProjectLayout layout = root != null ? new ProjectLayout(root) : ProjectLayout.find(Path.of(""));
        List<Kernel> selected = kernels == null ? Kernel.ALL : kernels.stream().map(Kernel::byName).toList();
        List<Engine> columns = engines == null ? List.of(Engine.values())
                : engines.stream().map(Engine::byId).sorted(Comparator.naturalOrder()).distinct().toList();
        Path report = out != null ? out : layout.root().resolve("reports").resolve("bench.json");

        Path scratch = Files.createTempDirectory("faasm-bench-");
        try {
            WasmModules modules = new WasmModules(layout, cc, scratch);
            List<KernelRunner> runners = new ArrayList<>();
            for (Engine e : columns) {
                runners.add(switch (e) {
                    case NATIVE -> new NativeRunner(layout, cc, scratch);
                    case V8 -> new V8Runner(layout, node, modules);
                    case CHICORY_COMPILER, CHICORY_INTERPRETER -> new ChicoryRunner(e, modules, !byteBufferMemory);
                });
            }
            stderr.println("bench (" + (quick ? "quick" : "full") + "): " + selected.size() + " kernel(s) x "
                    + runners.size() + " engine(s)");
            BenchSection section = new KernelBench(runners, this::plan, stderr).run(selected);
            BenchReport result = new BenchReport(BenchReport.SCHEMA, Instant.now().toString(),
                    quick ? "quick" : "full", Environment.describe(cc, node), List.of(section));
            result.write(report);

            stdout.println();
            stdout.print(TablePrinter.render(section));
            stdout.println("Report: " + report);
            return exitCode(section);
        } finally {
            deleteRecursively(scratch);
        }
    }

    RunPlan plan(Kernel kernel, Engine engine) {
        int n = kernel.n(quick);
        int timed = iterations != null ? iterations : quick ? 3 : 15;
        long budget = budgetMillis != null ? budgetMillis : quick ? 2_000 : 10_000;
        if (engine == Engine.CHICORY_INTERPRETER) {
            // ~100-300x slower than the compiler: same n, so no extrapolation, but no warm-up and few calls.
            long interp = interpreterBudgetMillis != null ? interpreterBudgetMillis : quick ? 1_000 : 3_000;
            return new RunPlan(n, 0, 0, Math.min(timed, 3), interp);
        }
        int warm = warmup != null ? warmup : quick ? 1 : 5;
        long warmMs = warmupMillis != null ? warmupMillis : quick ? 50 : 1_500;
        return new RunPlan(n, warm, warmMs, timed, budget);
    }

    private int exitCode(BenchSection section) {
        boolean chicoryFailed = section.rows().stream()
                .flatMap(r -> r.cells().entrySet().stream())
                .anyMatch(e -> e.getKey().startsWith("chicory") && e.getValue().status() == Measurement.Status.ERROR);
        if (!section.checksumsAgree() || chicoryFailed) {
            stderr.println("FAILED: " + (chicoryFailed ? "a Chicory engine failed" : "checksums disagree"));
            return 1;
        }
        if (failOnMiss && section.summary().verdict() == BenchRow.Verdict.MISS) {
            return 3;
        }
        return 0;
    }

    /** For tests and for embedding in the main CLI: where the table and the progress go. */
    BenchCommand withOutput(PrintStream out, PrintStream err) {
        this.stdout = out;
        this.stderr = err;
        return this;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }

}
