package org.faasm.conformance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.browser.BrowserProbe;

/**
 * The browser backend's own rows, next to its per-spec overhead (the browser-suite section): the
 * chain + await round trip of a no-op child from the browser into the embedded cluster, over JSPI and
 * over a synchronous-XHR bridge like the 2020 proof of concept's; and a 1 MiB state value's push + pull.
 */
final class BrowserBench implements AutoCloseable {
    /** The targets. */
    static final Budget SUITE_BUDGET = new Budget("mean", "mean/spec", 40.0, SuiteOverheadBench.STEADY_ROW);
    static final String JSPI_ROW = "JSPI (the backend's path)";
    static final Budget CHAIN_BUDGET = new Budget("median", "median", 3.0, JSPI_ROW);
    static final int STATE_BYTES = 1 << 20;
    static final double STATE_TARGET_MB_PER_S = 200;
    static final String STATE_ROW = "push + pull 1 MiB";
    /** Throughput counts the bytes moved, pushed plus pulled: 200 MB/s is at most this per push + pull. */
    static final Budget STATE_BUDGET = new Budget("median", "median per push+pull",
            2 * STATE_BYTES / 1e6 / STATE_TARGET_MB_PER_S * 1000, STATE_ROW);

    static final List<Column> COLUMNS = List.of(
            new Column("median", "median"), new Column("p95", "p95"), new Column("min", "min"));

    private final Optional<BrowserProbe> probe;
    private final String unavailable;
    private final PrintStream progress;
    private final boolean quick;

    BrowserBench(Path wasmDir, boolean quick, PrintStream progress) throws IOException {
        Optional<String> why = BrowserProbe.unavailable();
        this.probe = why.isPresent() ? Optional.empty() : Optional.of(new BrowserProbe(wasmDir));
        this.unavailable = why.orElse(null);
        this.progress = progress;
        this.quick = quick;
    }

    BenchSection chain() {
        String title = "Chain + await round trip of a no-op child, browser to embedded cluster";
        String measure = "per round trip: from the guest's step to its next, through EXECUTE_BATCH and EXECUTE_BATCH_STATUS";
        // Enough round trips for both JITs (V8 here, the cluster's JVM there) to settle.
        int warmup = quick ? 10 : 300;
        int iterations = quick ? 30 : 300;
        List<BenchRow> rows = new ArrayList<>();
        Object[][] bridges = {
                {JSPI_ROW, BrowserProbe.Bridge.JSPI, "a dedicated worker suspends the guest on JSPI; requests go through the page's network agent"},
                {"JSPI, plain fetch", BrowserProbe.Bridge.JSPI_UNINSTRUMENTED, "the same in a shared worker Playwright does not instrument, fetching directly"},
                {"synchronous XHR bridge", BrowserProbe.Bridge.SYNC_XHR, "the proof of concept's way: the guest blocks in synchronous XMLHttpRequests (same shared worker)"},
        };
        for (Object[] bridge : bridges) {
            Map<String, Measurement> cells;
            if (probe.isEmpty()) {
                cells = unavailableCells();
            } else {
                try {
                    probe.get().chainRoundTripMillis((BrowserProbe.Bridge) bridge[1], warmup);
                    double[] samples = probe.get().chainRoundTripMillis((BrowserProbe.Bridge) bridge[1], iterations);
                    cells = cells(samples, warmup);
                    progress.printf(Locale.ROOT, "  browser  %-26s median %.2f ms over %d round trips%n", bridge[0], median(samples), iterations);
                } catch (IOException e) {
                    cells = errorCells(e.getMessage());
                }
            }
            boolean judged = bridge[0].equals(JSPI_ROW);
            rows.add(new BenchRow((String) bridge[0], (String) bridge[2], cells, Map.of(), null, judged ? CHAIN_BUDGET.judge(cells) : null));
        }
        List<String> notes = notes("each row: " + warmup + " round trips to warm up, then " + iterations + " timed; the child is func/noop.c, "
                + "uploaded to the cluster, run by its jvm engine (Chicory)");
        return BenchSection.withBudget(SectionId.BROWSER_CHAIN.id(), title, "ms", measure, COLUMNS, CHAIN_BUDGET, rows, notes);
    }

    BenchSection state() {
        String title = "State push + pull of 1 MiB, browser to embedded cluster";
        String measure = "per push + pull (PUT then GET /s/ of the whole value, through the browser host's state tier)";
        int warmup = quick ? 2 : 5;
        int iterations = quick ? 5 : 30;
        Map<String, Measurement> cells;
        String rate = "";
        if (probe.isEmpty()) {
            cells = unavailableCells();
        } else {
            try {
                probe.get().statePushPullMillis(STATE_BYTES, warmup);
                double[] samples = probe.get().statePushPullMillis(STATE_BYTES, iterations);
                cells = cells(samples, warmup);
                double mbPerS = 2 * STATE_BYTES / 1e6 / (median(samples) / 1000);
                rate = String.format(Locale.ROOT, "; median throughput %.0f MB/s moved (%.0f MB/s of value per push + pull)",
                        mbPerS, mbPerS / 2);
                progress.printf(Locale.ROOT, "  browser  %-26s median %.2f ms%s%n", STATE_ROW, median(samples), rate);
            } catch (IOException e) {
                cells = errorCells(e.getMessage());
            }
        }
        BenchRow row = new BenchRow(STATE_ROW, "HostState.push (PUT) then HostState.pull (GET) in a spec-like worker" + rate,
                cells, Map.of(), null, STATE_BUDGET.judge(cells));
        List<String> notes = notes(String.format(Locale.ROOT, "throughput = bytes pushed + bytes pulled per second; the target of %.0f MB/s"
                + " is a push + pull of 1 MiB within %.2f ms; %d warm-up cycles, %d timed", STATE_TARGET_MB_PER_S,
                STATE_BUDGET.maxMillis(), warmup, iterations));
        return BenchSection.withBudget(SectionId.BROWSER_STATE.id(), title, "ms", measure, COLUMNS, STATE_BUDGET, List.of(row), notes);
    }

    private List<String> notes(String how) {
        List<String> notes = new ArrayList<>();
        notes.add(probe.map(p -> "browser = " + p.version()).orElse("browser unavailable: " + unavailable));
        notes.add(how);
        notes.add("Playwright copies every request and response body of a page or dedicated worker to its driver "
                + "(about 30 ms per MiB here), so the backend's workers make their requests through a shared worker, which it does not instrument");
        return notes;
    }

    private Map<String, Measurement> cells(double[] samplesMillis, int warmup) {
        long[] nanos = Arrays.stream(samplesMillis).mapToLong(ms -> Math.round(ms * 1e6)).toArray();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        String how = "over " + nanos.length + " samples after " + warmup + " warm-up";
        Map<String, Measurement> cells = new LinkedHashMap<>();
        cells.put("median", Measurement.timed(null, null, warmup, nanos, "median " + how, null));
        cells.put("p95", Measurement.timed(null, null, warmup, new long[] {sorted[(int) Math.ceil(0.95 * sorted.length) - 1]}, "95th percentile " + how, null));
        cells.put("min", Measurement.timed(null, null, warmup, new long[] {sorted[0]}, "minimum " + how, null));
        return cells;
    }

    private Map<String, Measurement> unavailableCells() {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        COLUMNS.forEach(c -> cells.put(c.id(), Measurement.unavailable(unavailable)));
        return cells;
    }

    private static Map<String, Measurement> errorCells(String why) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        COLUMNS.forEach(c -> cells.put(c.id(), Measurement.error(why)));
        return cells;
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Override
    public void close() {
        probe.ifPresent(BrowserProbe::close);
    }
}
