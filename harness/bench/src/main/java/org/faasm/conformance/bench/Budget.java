package org.faasm.conformance.bench;

import java.util.Locale;
import java.util.Map;

/**
 * An absolute goal, unlike {@link Target}'s ratios: a column's median at most {@code maxMillis}.
 * Rows are judged one by one; the section's verdict is {@code judgedRow}'s, so informative rows
 * (e.g. the warm-up pass, which compiles every module) can sit in the same table.
 */
public record Budget(String column, String columnTitle, double maxMillis, String judgedRow) {

    public BenchRow.Verdict judge(Map<String, Measurement> cells) {
        Measurement m = cells.get(column);
        if (m == null || !m.isOk()) {
            return BenchRow.Verdict.UNKNOWN;
        }
        return m.medianNs() / 1e6 <= maxMillis ? BenchRow.Verdict.PASS : BenchRow.Verdict.MISS;
    }

    String miss(BenchRow row) {
        return String.format(Locale.ROOT, "%s %s %.2f ms > %s ms", row.name(), columnTitle,
                row.cells().get(column).medianNs() / 1e6, fmt(maxMillis));
    }

    public String describe() {
        return columnTitle + " <= " + fmt(maxMillis) + " ms, judged on row '" + judgedRow + "'";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
