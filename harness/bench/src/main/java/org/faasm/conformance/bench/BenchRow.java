package org.faasm.conformance.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One measured thing (a kernel, later a spec or a cold start) with a cell per column, the section's
 * ratios for it, whether all columns computed the same checksum, and its verdict on the target.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchRow(
        String name,
        String description,
        Map<String, Measurement> cells,
        Map<String, Double> ratios,
        Boolean checksumsAgree,
        Verdict verdict) {

    public enum Verdict { PASS, MISS, UNKNOWN }

    /** Derives ratios, checksum agreement and verdict from the cells. */
    public static BenchRow of(String name, String description, Map<String, Measurement> cells,
            List<Ratio> ratios, Target target) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            Double v = ratio(cells.get(r.numerator()), cells.get(r.denominator()));
            if (v != null) {
                values.put(r.id(), v);
            }
        }
        List<Integer> checksums = cells.values().stream()
                .filter(m -> m.isOk() && m.checksum() != null)
                .map(Measurement::checksum)
                .distinct()
                .toList();
        Boolean agree = checksums.isEmpty() ? null : checksums.size() == 1;
        Verdict verdict = null;
        if (target != null) {
            Double v = values.get(target.ratio().id());
            verdict = v == null ? Verdict.UNKNOWN : v <= target.maxPerRow() ? Verdict.PASS : Verdict.MISS;
        }
        return new BenchRow(name, description, cells, values, agree, verdict);
    }

    private static Double ratio(Measurement numerator, Measurement denominator) {
        if (numerator == null || denominator == null || !numerator.isOk() || !denominator.isOk()
                || !Objects.equals(numerator.n(), denominator.n()) || denominator.medianNs() <= 0) {
            return null;
        }
        return (double) numerator.medianNs() / denominator.medianNs();
    }
}
