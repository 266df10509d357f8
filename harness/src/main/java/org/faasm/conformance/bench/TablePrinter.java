package org.faasm.conformance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a section as a plain-text table with a geomean row, footnotes and the target verdict. */
final class TablePrinter {

    private static final int MAX_CELL = 34;

    private TablePrinter() {
    }

    static String render(BenchSection section) {
        List<String> header = new ArrayList<>(List.of(section.id().equals("kernels") ? "kernel" : "row", "n"));
        section.columns().forEach(c -> header.add(c.title()));
        section.ratios().forEach(r -> header.add(r.title()));
        boolean targeted = section.target() != null;
        if (targeted) {
            header.add("target");
        }
        header.add("checksum");

        List<List<String>> body = new ArrayList<>();
        Map<String, Integer> footnotes = new LinkedHashMap<>();
        for (BenchRow row : section.rows()) {
            List<String> line = new ArrayList<>(List.of(row.name(), nOf(row)));
            for (Column c : section.columns()) {
                line.add(cell(row.cells().get(c.id()), footnotes));
            }
            for (Ratio r : section.ratios()) {
                line.add(ratio(row.ratios().get(r.id())));
            }
            if (targeted) {
                line.add(String.valueOf(row.verdict()));
            }
            line.add(row.checksumsAgree() == null ? "-" : row.checksumsAgree() ? "agree" : "MISMATCH");
            body.add(line);
        }
        List<String> geo = new ArrayList<>(List.of("geomean", ""));
        section.columns().forEach(c -> geo.add(""));
        section.ratios().forEach(r -> geo.add(ratio(section.summary().geomean().get(r.id()))));
        if (targeted) {
            geo.add(String.valueOf(section.summary().verdict()));
        }
        geo.add("");
        body.add(geo);

        StringBuilder out = new StringBuilder();
        out.append(section.title()).append(" (median time per call, ").append(section.unit()).append(")\n");
        grid(out, header, body);
        out.append(howMeasured(section));
        footnotes.forEach((text, i) -> out.append("  [").append(i).append("] ").append(text).append('\n'));
        if (targeted) {
            out.append("Target: ").append(section.target().describe()).append(" -> ")
                    .append(section.summary().verdict());
            if (!section.summary().misses().isEmpty()) {
                out.append(" (").append(String.join("; ", section.summary().misses())).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String nOf(BenchRow row) {
        return row.cells().values().stream()
                .filter(m -> m.n() != null)
                .map(m -> m.n().toString())
                .findFirst()
                .orElse("");
    }

    private static String cell(Measurement m, Map<String, Integer> footnotes) {
        if (m == null) {
            return "-";
        }
        if (m.isOk()) {
            return String.format(Locale.ROOT, "%.2f", m.medianNs() / 1e6);
        }
        String text = m.status().name().toLowerCase(Locale.ROOT) + ": " + m.reason();
        if (text.length() <= MAX_CELL) {
            return text;
        }
        int mark = footnotes.computeIfAbsent(text, t -> footnotes.size() + 1);
        return text.substring(0, MAX_CELL - 6) + "… [" + mark + "]";
    }

    private static String ratio(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }

    /** One line per column listing the distinct ways its cells were measured (interpreter != others). */
    private static String howMeasured(BenchSection section) {
        StringBuilder out = new StringBuilder();
        for (Column c : section.columns()) {
            Set<String> methods = new LinkedHashSet<>();
            for (BenchRow row : section.rows()) {
                Measurement m = row.cells().get(c.id());
                if (m != null && m.isOk()) {
                    methods.add(row.name() + ": " + m.method());
                }
            }
            if (!methods.isEmpty()) {
                out.append("  ").append(c.title()).append(": ").append(String.join("; ", methods)).append('\n');
            }
        }
        return out.toString();
    }

    private static void grid(StringBuilder out, List<String> header, List<List<String>> body) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> line : body) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        line(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (int i = 0; i < body.size(); i++) {
            if (i == body.size() - 1) {
                out.append(rule.toString().stripTrailing()).append('\n');
            }
            line(out, body.get(i), width);
        }
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            // Names left-aligned, numbers right-aligned.
            s.append(i == 0 ? pad(c, width[i], false) : pad(c, width[i], true)).append("  ");
        }
        out.append(s.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
