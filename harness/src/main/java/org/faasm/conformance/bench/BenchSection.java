package org.faasm.conformance.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of rows sharing columns, ratios and (optionally) a target. The kernels are one section;
 * per-spec overhead or cold start can be added as further sections with their own columns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchSection(
        String id,
        String title,
        String unit,
        List<Column> columns,
        List<Ratio> ratios,
        Target target,
        List<BenchRow> rows,
        Summary summary) {

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
        return new BenchSection(id, title, unit, columns, ratios, target, rows, summary);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean checksumsAgree() {
        return rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.checksumsAgree()));
    }
}
