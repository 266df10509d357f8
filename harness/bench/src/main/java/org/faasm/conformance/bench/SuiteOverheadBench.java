package org.faasm.conformance.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.faasm.conformance.backend.Availability;
import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * The "suite" section: a backend's wall time per spec over the whole suite once its modules are
 * compiled. One backend instance runs every spec once (the warm-up pass, which parses and compiles
 * every module), then the whole suite {@code passes} more times; each statistic is the median over
 * those passes.
 */
public final class SuiteOverheadBench {

    static final String FIRST_ROW = "first pass (compiles)";
    static final String ALL_ROW = "all specs";
    static final String STEADY_ROW = "excl. sleep/spin";

    /** The target: at most 5 ms per spec on average once modules are compiled. */
    public static final Budget BUDGET = new Budget("mean", "mean/spec", 5.0, STEADY_ROW);

    /**
     * Modules that sleep or spin on purpose, so their time is the guest's and not the backend's
     * overhead. loop_forever backs the harness's own timeout test and has no spec today.
     */
    static final Map<String, String> DELIBERATELY_SLOW = Map.of(
            "loop_forever", "spins until the harness interrupts it");

    static final List<Column> COLUMNS = List.of(
            new Column("total", "suite total"),
            new Column("mean", "mean/spec"),
            new Column("median", "median/spec"),
            new Column("p95", "p95/spec"),
            new Column("max", "max/spec"));

    private static final Map<String, Function<PassStats, Long>> STATS = Map.of(
            "total", PassStats::total, "mean", PassStats::mean, "median", PassStats::median,
            "p95", PassStats::p95, "max", PassStats::max);

    private final Supplier<Backend> backends;
    private final Duration timeout;
    private final int passes;
    private final PrintStream progress;
    private final String sectionId;
    private final Budget budget;

    /** @param backends makes the backend under test (e.g. jvm); called once */
    public SuiteOverheadBench(Supplier<Backend> backends, Duration timeout, int passes, PrintStream progress) {
        this(backends, timeout, passes, progress, SectionId.SUITE.id(), BUDGET);
    }

    /** The same measurement as another section, with that backend's own budget (e.g. the browser's). */
    public SuiteOverheadBench(Supplier<Backend> backends, Duration timeout, int passes, PrintStream progress,
            String sectionId, Budget budget) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be >= 1");
        }
        this.backends = backends;
        this.timeout = timeout;
        this.passes = passes;
        this.progress = progress;
        this.sectionId = sectionId;
        this.budget = budget;
    }

    public BenchSection run(List<Spec> specs, String selectionText) {
        String title = "Per-spec overhead over the suite";
        String measure = "median over " + passes + " timed pass" + (passes == 1 ? "" : "es");
        List<Integer> kept = IntStream.range(0, specs.size())
                .filter(i -> !DELIBERATELY_SLOW.containsKey(specs.get(i).function())).boxed().toList();
        List<String> notes = new ArrayList<>();
        try (SpecRunner runner = new SpecRunner(timeout); Backend backend = backends.get()) {
            title += ", " + backend.name() + " backend";
            Availability availability = backend.availability();
            if (specs.isEmpty() || !availability.available()) {
                String why = specs.isEmpty() ? "no spec selected by " + selectionText
                        : backend.name() + " unavailable: " + availability.reason();
                return errorSection(title, measure, why);
            }
            notes.add(backend.name() + " = " + backend.version() + "; " + specs.size() + " spec(s) selected by "
                    + selectionText + ", run one at a time through SpecRunner on one backend instance; "
                    + "time per spec = wall time of SpecRunner.run (worker hand-off, cluster, guest, judging)");
            SuitePass first = SuitePass.run(runner, backend, specs);
            report("warm-up", first);
            List<SuitePass> timed = new ArrayList<>();
            for (int p = 0; p < passes; p++) {
                timed.add(SuitePass.run(runner, backend, specs));
                report("pass " + (p + 1), timed.get(p));
            }
            long[] medians = perSpecMedians(specs.size(), timed);
            notes.add(exclusions(specs, kept));
            notes.add(slowest(specs, medians));
            notes.add(verdicts(first, timed));
            List<BenchRow> rows = List.of(
                    row(FIRST_ROW, "the warm-up pass: parses and compiles every module", List.of(first), 0,
                            "1 pass (not timed for the target)", false),
                    row(ALL_ROW, "every selected spec", timed, 1, null, true),
                    row(STEADY_ROW, "every selected spec but those running a deliberately sleeping or spinning module",
                            timed.stream().map(t -> t.only(kept)).toList(), 1, null, true));
            return BenchSection.withBudget(sectionId, title, "ms", measure, COLUMNS, budget, rows, notes)
                    .withPerSpec(new SpecTimes(backend.name(), IntStream.range(0, specs.size())
                            .mapToObj(i -> new SpecTimes.SpecTime(specs.get(i).id(), medians[i], !kept.contains(i))).toList()));
        }
    }

    private BenchRow row(String name, String description, List<SuitePass> samples, int warmup, String method,
            boolean judged) {
        List<PassStats> stats = samples.stream().map(SuitePass::stats).toList();
        int n = samples.get(0).perSpecNs().length;
        String how = method != null ? method : "median of " + samples.size() + " pass" + (samples.size() == 1 ? "" : "es")
                + " after " + warmup + " warm-up pass";
        Map<String, Measurement> cells = new LinkedHashMap<>();
        for (Column c : COLUMNS) {
            long[] values = stats.stream().mapToLong(s -> STATS.get(c.id()).apply(s)).toArray();
            cells.put(c.id(), Measurement.timed(null, n, warmup, values, how, null));
        }
        return new BenchRow(name, description, cells, Map.of(), null, judged ? budget.judge(cells) : null);
    }

    private BenchSection errorSection(String title, String measure, String why) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        COLUMNS.forEach(c -> cells.put(c.id(), Measurement.error(why)));
        List<BenchRow> rows = List.of(new BenchRow(STEADY_ROW, why, cells, Map.of(), null, BenchRow.Verdict.UNKNOWN));
        return BenchSection.withBudget(sectionId, title, "ms", measure, COLUMNS, budget, rows, List.of(why));
    }

    private void report(String label, SuitePass pass) {
        PassStats s = pass.stats();
        progress.printf(Locale.ROOT, "  suite    %-8s %d specs in %.1f ms (mean %.2f ms, p95 %.2f ms)%n", label,
                pass.perSpecNs().length, s.total() / 1e6, s.mean() / 1e6, s.p95() / 1e6);
    }

    private static String exclusions(List<Spec> specs, List<Integer> kept) {
        if (kept.size() == specs.size()) {
            return "'" + STEADY_ROW + "' excludes nothing: no selected spec runs a deliberately sleeping or spinning module "
                    + DELIBERATELY_SLOW.keySet();
        }
        List<String> out = IntStream.range(0, specs.size()).filter(i -> !kept.contains(i))
                .mapToObj(i -> specs.get(i).id() + " (" + specs.get(i).function() + ": "
                        + DELIBERATELY_SLOW.get(specs.get(i).function()) + ")")
                .toList();
        return "'" + STEADY_ROW + "' excludes " + out.size() + " spec(s): " + String.join(", ", out);
    }

    /** Each spec's median time over the timed passes. */
    private static long[] perSpecMedians(int specs, List<SuitePass> timed) {
        long[] median = new long[specs];
        for (int i = 0; i < median.length; i++) {
            int spec = i;
            long[] s = timed.stream().mapToLong(t -> t.perSpecNs()[spec]).sorted().toArray();
            median[i] = s[s.length / 2];
        }
        return median;
    }

    /** The specs that dominate the mean, so an outlier is visible rather than averaged away. */
    private static String slowest(List<Spec> specs, long[] median) {
        List<String> top = IntStream.range(0, specs.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> median[i]).reversed())
                .limit(3)
                .map(i -> String.format(Locale.ROOT, "%s %.2f ms", specs.get(i).id(), median[i] / 1e6))
                .toList();
        return "slowest specs: " + String.join(", ", top);
    }

    /** Timings of specs that did not pass still count; say which they were. */
    private static String verdicts(SuitePass first, List<SuitePass> timed) {
        Map<String, String> notPassed = new LinkedHashMap<>();
        List<SuitePass> all = new ArrayList<>(List.of(first));
        all.addAll(timed);
        for (SuitePass pass : all) {
            for (Verdict v : pass.verdicts()) {
                if (v.status() != Status.PASS) {
                    notPassed.putIfAbsent(v.specId(), v.status() + " (" + v.message() + ")");
                }
            }
        }
        if (notPassed.isEmpty()) {
            return "every spec passed in every pass";
        }
        List<String> list = new ArrayList<>();
        notPassed.forEach((id, why) -> list.add(id + " " + why));
        return notPassed.size() + " spec(s) did not pass (still timed): " + String.join("; ", list);
    }
}
