package org.faasm.conformance.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of rows sharing columns, ratios and (optionally) a goal: a {@link Target} on a ratio (the
 * kernels) or an absolute {@link Budget} (the suite's per-spec overhead). {@code measure} says what a
 * cell's number is; {@code notes} say what the table alone cannot (exclusions, caveats); {@code perSpec}
 * holds each spec's time in the suite sections.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchSection(
        String id,
        String title,
        String unit,
        String measure,
        List<Column> columns,
        List<Ratio> ratios,
        Target target,
        Budget budget,
        List<BenchRow> rows,
        Summary summary,
        List<String> notes,
        SpecTimes perSpec) {

    /** Geometric mean of each ratio over the rows that have it, and the section verdict. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Map<String, Double> geomean, BenchRow.Verdict verdict, List<String> misses) {
    }

    public static BenchSection of(String id, String title, String unit, List<Column> columns,
            List<Ratio> ratios, Target target, List<BenchRow> rows) {
        Map<String, Double> geomean = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            double logSum = 0;
            int count = 0;
            for (BenchRow row : rows) {
                Double v = row.ratios().get(r.id());
                if (v != null) {
                    logSum += Math.log(v);
                    count++;
                }
            }
            if (count > 0) {
                geomean.put(r.id(), Math.exp(logSum / count));
            }
        }
        Summary summary = new Summary(geomean, null, null);
        if (target != null) {
            List<String> misses = new ArrayList<>();
            boolean unknown = rows.isEmpty();
            for (BenchRow row : rows) {
                if (row.verdict() == BenchRow.Verdict.MISS) {
                    misses.add(String.format("%s %.2fx > %.2fx", row.name(),
                            row.ratios().get(target.ratio().id()), target.maxPerRow()));
                } else if (row.verdict() != BenchRow.Verdict.PASS) {
                    unknown = true;
                }
            }
            Double g = geomean.get(target.ratio().id());
            if (g != null && g > target.maxGeomean()) {
                misses.add(String.format("geomean %.2fx > %.2fx", g, target.maxGeomean()));
            }
            BenchRow.Verdict verdict = !misses.isEmpty() ? BenchRow.Verdict.MISS
                    : unknown || g == null ? BenchRow.Verdict.UNKNOWN : BenchRow.Verdict.PASS;
            summary = new Summary(geomean, verdict, misses);
        }
        return new BenchSection(id, title, unit, "median time per call", columns, ratios, target, null, rows,
                summary, null, null);
    }

    /** A section judged by an absolute budget; rows carry their own verdicts (see {@link Budget#judge}). */
    public static BenchSection withBudget(String id, String title, String unit, String measure,
            List<Column> columns, Budget budget, List<BenchRow> rows, List<String> notes) {
        Summary summary = null;
        if (budget != null) {
            BenchRow judged = rows.stream().filter(r -> r.name().equals(budget.judgedRow())).findFirst().orElse(null);
            BenchRow.Verdict verdict = judged == null || judged.verdict() == null ? BenchRow.Verdict.UNKNOWN
                    : judged.verdict();
            List<String> misses = verdict == BenchRow.Verdict.MISS ? List.of(budget.miss(judged)) : List.of();
            summary = new Summary(Map.of(), verdict, misses);
        }
        return new BenchSection(id, title, unit, measure, columns, List.of(), null, budget, rows, summary,
                List.copyOf(notes), null);
    }

    /** This section with notes that say what its table cannot. */
    public BenchSection withNotes(List<String> more) {
        return new BenchSection(id, title, unit, measure, columns, ratios, target, budget, rows, summary, List.copyOf(more), perSpec);
    }

    /** This section with each spec's time beside its rows. */
    public BenchSection withPerSpec(SpecTimes times) {
        return new BenchSection(id, title, unit, measure, columns, ratios, target, budget, rows, summary, notes, times);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean checksumsAgree() {
        return rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.checksumsAgree()));
    }
}
