package org.faasm.conformance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faasm.conformance.run.SpecRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faasm-conformance bench}: the compute kernels on native code, V8, Chicory (compiler and
 * interpreter) and GraalWasm side by side with the ratios against the JVM-engine target; the jvm backend's
 * per-spec overhead over the whole suite; and its cold start.
 *
 * <p>Exit codes: 0 done (targets may be missed: see the tables), 1 a checksum disagreed, a Chicory
 * engine failed or a suite/cold-start measurement failed, 3 a target was missed and
 * {@code --fail-on-miss} was given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the func/bench_*.c kernels natively, on V8, on Chicory and on GraalWasm, the jvm backend's per-spec "
                + "overhead over the suite and its cold start; print the tables and write them as JSON and as a page of charts (bench.html beside the JSON).")
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--kernels", split = ",", paramLabel = "NAME",
            description = "Kernels to run (default: all: fib, sha256, matmul, memcpy).")
    List<String> kernels;

    @Option(names = "--engines", split = ",", paramLabel = "ID",
            description = "Columns to run (default: all: native, v8, chicory-compiler, graalwasm, chicory-interpreter).")
    List<String> engines;

    @Option(names = "--sections", split = ",", paramLabel = "ID",
            description = "Sections to run (default: all: kernels, suite, cold-start, browser-suite, browser-chain, browser-state).")
    List<String> sections;

    @Option(names = "--specs", split = ",", paramLabel = "GLOB",
            description = "Specs the suite and browser-suite sections run, by id or glob, e.g. 'io/*' (default: all).")
    List<String> specs;

    @Option(names = "--passes", description = "Timed passes over the suite after the warm-up pass (default: 3; quick: 1).")
    Integer passes;

    @Option(names = "--cold-spec", paramLabel = "ID", description = "The spec the cold-start section runs (default: io/echo_text).")
    String coldSpec = "io/echo_text";

    @Option(names = "--cold-runs", description = "Fresh backends timed after the first, for the cold-start median (default: 7; quick: 3).")
    Integer coldRuns;

    @Option(names = "--backend", description = "Backend for the suite and cold-start sections (default: jvm-wavm).")
    String backend = "jvm-wavm";

    @Option(names = "--out", paramLabel = "FILE",
            description = "JSON report (default: reports/bench.json under the repository root); bench.html goes beside it.")
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

    @Option(names = "--root", description = "Repository root (default: -Dconformance.root, else found upwards from the working directory).")
    Path root;

    @Option(names = "--cc", description = "C compiler for the native column and for missing modules (default: clang).")
    String cc = "clang";

    @Option(names = "--node", description = "Node.js binary for the V8 column (default: node).")
    String node = "node";

    @Option(names = "--graalwasm-java", paramLabel = "JAVA",
            description = "Java 21+ for the GraalWasm column (default: ${DEFAULT-VALUE}).")
    String graalWasmJava = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    @Option(names = "--mvn", description = "Maven, to resolve the GraalWasm column's jars (default: ${DEFAULT-VALUE}).")
    String mvn = "mvn";

    @Option(names = "--graalwasm-warmup-ms",
            description = "Minimum warm-up time for GraalWasm, whose Truffle tiers compile in the background and settle "
                    + "far later than the JVM's or V8's (default: 90000; quick: 50; on a loaded 2-core machine its last "
                    + "tier took about a minute to arrive). Its warm-up phase may run that long.")
    Long graalWasmWarmupMillis;

    @Option(names = "--fail-on-miss", description = "Exit with 3 when a target is missed (the kernels' ratios or the per-spec budget).")
    boolean failOnMiss;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Set<SectionId> wanted;
        try {
            // Unknown names are refused before anything runs, naming the known ones.
            wanted = sections == null ? EnumSet.allOf(SectionId.class)
                    : sections.stream().map(SectionId::byId).collect(Collectors.toCollection(() -> EnumSet.noneOf(SectionId.class)));
            selectedKernels();
            selectedEngines();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        ProjectLayout layout = root != null ? new ProjectLayout(root.toAbsolutePath().normalize()) : ProjectLayout.locate();
        Path report = out != null ? out : layout.root().resolve("reports").resolve("bench.json");
        stderr.println("bench (" + (quick ? "quick" : "full") + "): sections "
                + wanted.stream().map(SectionId::id).collect(Collectors.joining(", ")));

        // Run cold start first: its "first run" column is a cold JVM only before anything else has
        // loaded Chicory. The EnumMap puts the sections back in print order.
        Map<SectionId, BenchSection> done = new EnumMap<>(SectionId.class);
        if (wanted.contains(SectionId.COLD_START) || wanted.contains(SectionId.SUITE)) {
            SuiteSections suite = new SuiteSections(layout.project(), backend, SpecRunner.DEFAULT_TIMEOUT, stderr);
            if (wanted.contains(SectionId.COLD_START)) {
                done.put(SectionId.COLD_START, suite.coldStart(coldSpec, coldRuns != null ? coldRuns : quick ? 3 : 7));
            }
            if (wanted.contains(SectionId.SUITE)) {
                done.put(SectionId.SUITE, suite.overhead(specs == null ? List.of() : specs,
                        passes != null ? passes : quick ? 1 : 3));
            }
        }
        if (wanted.contains(SectionId.BROWSER_SUITE)) {
            done.put(SectionId.BROWSER_SUITE, new SuiteSections(layout.project(), "browser", SpecRunner.DEFAULT_TIMEOUT, stderr)
                    .overhead(specs == null ? List.of() : specs, passes != null ? passes : quick ? 1 : 3,
                            SectionId.BROWSER_SUITE.id(), BrowserBench.SUITE_BUDGET));
        }
        if (wanted.contains(SectionId.BROWSER_CHAIN) || wanted.contains(SectionId.BROWSER_STATE)) {
            try (BrowserBench browser = new BrowserBench(layout.project().wasm(), quick, stderr)) {
                if (wanted.contains(SectionId.BROWSER_CHAIN)) {
                    done.put(SectionId.BROWSER_CHAIN, browser.chain());
                }
                if (wanted.contains(SectionId.BROWSER_STATE)) {
                    done.put(SectionId.BROWSER_STATE, browser.state());
                }
            }
        }
        if (wanted.contains(SectionId.KERNELS)) {
            done.put(SectionId.KERNELS, kernels(layout));
        }
        List<BenchSection> ordered = List.copyOf(done.values());
        BenchReport result = new BenchReport(BenchReport.SCHEMA, Instant.now().toString(),
                quick ? "quick" : "full", Environment.describe(cc, node), ordered);
        result.write(report);
        Path page = report.resolveSibling(BenchPage.FILE);
        BenchPage.write(result, page);

        for (BenchSection section : ordered) {
            stdout.println();
            stdout.print(TablePrinter.render(section));
        }
        stdout.println("Report: " + report + ", " + page);
        return exitCode(ordered);
    }

    private BenchSection kernels(ProjectLayout layout) throws IOException {
        List<Kernel> selected = selectedKernels();
        List<Engine> columns = selectedEngines();
        Path scratch = Files.createTempDirectory("faasm-bench-");
        try {
            WasmModules modules = new WasmModules(layout, cc, scratch);
            List<KernelRunner> runners = new ArrayList<>();
            for (Engine e : columns) {
                runners.add(switch (e) {
                    case NATIVE -> new NativeRunner(layout, cc, scratch);
                    case V8 -> new V8Runner(layout, node, modules);
                    case GRAALWASM -> new GraalWasmRunner(layout, graalWasmJava, mvn, modules, scratch);
                    case CHICORY_COMPILER, CHICORY_INTERPRETER -> new ChicoryRunner(e, modules, !byteBufferMemory);
                });
            }
            stderr.println("kernels: " + selected.size() + " kernel(s) x " + runners.size() + " engine(s)");
            return new KernelBench(runners, this::plan, stderr).run(selected);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private List<Kernel> selectedKernels() {
        return kernels == null ? Kernel.ALL : kernels.stream().map(Kernel::byName).toList();
    }

    private List<Engine> selectedEngines() {
        return engines == null ? List.of(Engine.values())
                : engines.stream().map(Engine::byId).sorted(Comparator.naturalOrder()).distinct().toList();
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
        if (engine == Engine.GRAALWASM) {
            long graalMs = graalWasmWarmupMillis != null ? graalWasmWarmupMillis : quick ? 50 : 90_000;
            return new RunPlan(n, warm, Math.max(warmMs, graalMs), timed, Math.max(budget, graalMs));
        }
        return new RunPlan(n, warm, warmMs, timed, budget);
    }

    private int exitCode(List<BenchSection> sections) {
        for (BenchSection section : sections) {
            String failure = failure(section);
            if (failure != null) {
                stderr.println("FAILED: " + failure);
                return 1;
            }
        }
        boolean missed = sections.stream()
                .anyMatch(s -> s.summary() != null && s.summary().verdict() == BenchRow.Verdict.MISS);
        return failOnMiss && missed ? 3 : 0;
    }

    /** Why a section's numbers cannot be trusted, or null. A missing V8 or clang is not a failure. */
    private static String failure(BenchSection section) {
        if (!section.checksumsAgree()) {
            return section.id() + ": checksums disagree";
        }
        return section.rows().stream()
                .flatMap(r -> r.cells().entrySet().stream())
                .filter(e -> e.getValue().status() == Measurement.Status.ERROR)
                .filter(e -> !section.id().equals(SectionId.KERNELS.id()) || e.getKey().startsWith("chicory"))
                .map(e -> section.id() + ": " + e.getKey() + " failed: " + e.getValue().reason())
                .findFirst()
                .orElse(null);
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
