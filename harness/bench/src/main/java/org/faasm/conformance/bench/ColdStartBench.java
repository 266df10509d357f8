package org.faasm.conformance.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * The "cold-start" section: from nothing to a spec's verdict on a fresh backend (so an empty module
 * cache: parse, compile, instantiate, run, judge), then the same spec again on that backend, which
 * only instantiates the already-compiled module. The difference is the module's parse + compile.
 *
 * <p>The very first run in the process also pays for loading and JIT-warming the harness and Chicory;
 * it is its own column. The others are cold starts in a warm JVM, as a long-running harness sees them.
 */
public final class ColdStartBench {

    static final List<Column> COLUMNS = List.of(
            new Column("first", "first run"),
            new Column("warm", "warm JVM"));

    private static final String[][] ROWS = {
            {"create backend", "Backends.create plus a SpecRunner: what exists before any module is touched"},
            {"first spec", "parse + compile + instantiate + run + judge, on the fresh backend"},
            {"cold start total", "create backend + first spec: nothing to the first verdict"},
            {"same spec again", "instantiate the compiled module + run + judge, on the same backend"},
            {"parse + compile", "first spec minus same spec again, per run"},
    };

    /** Set once a cold-start section has run in this process: only the first sees a cold JVM. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Supplier<Backend> backends;
    private final Duration timeout;
    private final int runs;
    private final PrintStream progress;

    /** @param runs fresh backends timed after the first one (whose numbers form the first column) */
    public ColdStartBench(Supplier<Backend> backends, Duration timeout, int runs, PrintStream progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1");
        }
        this.backends = backends;
        this.timeout = timeout;
        this.runs = runs;
        this.progress = progress;
    }

    /** @param firstInProcess whether nothing has run a backend in this JVM yet (else the first column is hidden) */
    public BenchSection run(Spec spec, boolean firstInProcess) {
        long[][] samples = new long[ROWS.length][runs + 1];
        String backendName = "?";
        for (int r = 0; r <= runs; r++) {
            Run run;
            try {
                run = once(spec);
            } catch (IllegalStateException e) {
                return errorSection(spec, e.getMessage());
            }
            long[] one = run.nanos();
            backendName = run.backend();
            for (int row = 0; row < ROWS.length; row++) {
                samples[row][r] = one[row];
            }
            progress.printf(Locale.ROOT, "  cold     %-8s %s: cold start %.1f ms, again %.1f ms%n",
                    r == 0 ? "first" : "run " + r, spec.id(), one[2] / 1e6, one[3] / 1e6);
        }
        List<BenchRow> rows = new ArrayList<>();
        for (int row = 0; row < ROWS.length; row++) {
            Map<String, Measurement> cells = new LinkedHashMap<>();
            long[] first = {samples[row][0]};
            long[] warm = Arrays.copyOfRange(samples[row], 1, runs + 1);
            cells.put("first", Measurement.timed(null, null, 0, first,
                    firstInProcess ? "the process's first run (one sample)" : "first run of this section (one sample)", null));
            cells.put("warm", Measurement.timed(null, null, 1, warm,
                    "median of " + runs + " fresh backend" + (runs == 1 ? "" : "s") + " after the first", null));
            rows.add(new BenchRow(ROWS[row][0], ROWS[row][1], cells, Map.of(), null, null));
        }
        List<String> notes = List.of(
                "backend " + backendName + ", spec " + spec.id() + " (module " + spec.function()
                        + "); each run makes a new backend, so a new module cache; the spec catalog is loaded beforehand",
                "'warm JVM' is a warm-JVM cold start: harness and Chicory classes are loaded and JIT-compiled already; "
                        + (firstInProcess ? "'first run' is the process's first backend, paying class loading too"
                        : "'first run' is NOT the process's first backend here (a cold-start section already ran in this process)"),
                "no target: the issue asks only that the cold start be reported");
        return BenchSection.withBudget("cold-start", "Cold start: fresh backend to first verdict", "ms",
                "per run; the warm column is the median", COLUMNS, null, rows, notes);
    }

    /** True for the first caller in this process, whose first run also pays the JVM's class loading. */
    static boolean claimFirst() {
        return STARTED.compareAndSet(false, true);
    }

    /** One fresh backend: the five row values in nanoseconds, and which backend it was. */
    private record Run(long[] nanos, String backend) {
    }

    private Run once(Spec spec) {
        long t0 = System.nanoTime();
        try (SpecRunner runner = new SpecRunner(timeout); Backend backend = backends.get()) {
            long t1 = System.nanoTime();
            Verdict first = runner.run(spec, backend);
            long t2 = System.nanoTime();
            Verdict again = runner.run(spec, backend);
            long t3 = System.nanoTime();
            // A cold start that ends in an error would time the error path, not the start.
            for (Verdict v : List.of(first, again)) {
                if (v.status() != Status.PASS) {
                    throw new IllegalStateException(spec.id() + " did not pass: " + v.status() + " " + v.message());
                }
            }
            return new Run(new long[] {t1 - t0, t2 - t1, t2 - t0, t3 - t2, (t2 - t1) - (t3 - t2)},
                    backend.name() + " = " + backend.version());
        }
    }

    private BenchSection errorSection(Spec spec, String why) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        COLUMNS.forEach(c -> cells.put(c.id(), Measurement.error(why)));
        return BenchSection.withBudget("cold-start", "Cold start: fresh backend to first verdict", "ms",
                "per run", COLUMNS, null, List.of(new BenchRow("cold start total", spec.id(), cells, Map.of(), null, null)),
                List.of(why));
    }
}
