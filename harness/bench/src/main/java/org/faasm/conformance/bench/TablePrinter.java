package org.faasm.conformance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a section as a plain-text table with (for ratio sections) a geomean row, footnotes, notes and the target verdict. */
final class TablePrinter {

    private static final int MAX_CELL = 34;

    private TablePrinter() {
    }

    static String render(BenchSection section) {
        boolean kernels = section.id().equals(SectionId.KERNELS.id());
        // Columns that would be blank for every row (no n, no checksums, no goal) are left out.
        boolean hasN = section.rows().stream().anyMatch(r -> !nOf(r).isEmpty());
        boolean hasChecksums = section.rows().stream().anyMatch(r -> r.checksumsAgree() != null);
        boolean targeted = section.target() != null || section.budget() != null;
        boolean geomeanRow = section.target() != null || !section.ratios().isEmpty();

        List<String> header = new ArrayList<>(List.of(kernels ? "kernel" : ""));
        if (hasN) {
            header.add(kernels ? "n" : "specs");
        }
        section.columns().forEach(c -> header.add(c.title()));
        section.ratios().forEach(r -> header.add(r.title()));
        if (targeted) {
            header.add("target");
        }
        if (hasChecksums) {
            header.add("checksum");
        }

        List<List<String>> body = new ArrayList<>();
        Map<String, Integer> footnotes = new LinkedHashMap<>();
        for (BenchRow row : section.rows()) {
            List<String> line = new ArrayList<>(List.of(row.name()));
            if (hasN) {
                line.add(nOf(row));
            }
            for (Column c : section.columns()) {
                line.add(cell(row.cells().get(c.id()), footnotes));
            }
            for (Ratio r : section.ratios()) {
                line.add(ratio(row.ratios().get(r.id())));
            }
            if (targeted) {
                line.add(row.verdict() == null ? "-" : String.valueOf(row.verdict()));
            }
            if (hasChecksums) {
                line.add(row.checksumsAgree() == null ? "-" : row.checksumsAgree() ? "agree" : "MISMATCH");
            }
            body.add(line);
        }
        if (geomeanRow) {
            List<String> geo = new ArrayList<>(List.of("geomean"));
            if (hasN) {
                geo.add("");
            }
            section.columns().forEach(c -> geo.add(""));
            section.ratios().forEach(r -> geo.add(ratio(section.summary().geomean().get(r.id()))));
            if (targeted) {
                geo.add(String.valueOf(section.summary().verdict()));
            }
            if (hasChecksums) {
                geo.add("");
            }
            body.add(geo);
        }

        StringBuilder out = new StringBuilder();
        out.append(section.title()).append(" (").append(section.measure()).append(", ").append(section.unit()).append(")\n");
        grid(out, header, body, geomeanRow);
        out.append(howMeasured(section));
        footnotes.forEach((text, i) -> out.append("  [").append(i).append("] ").append(text).append('\n'));
        if (section.notes() != null) {
            section.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        }
        if (targeted) {
            out.append("Target: ").append(section.target() != null ? section.target().describe() : section.budget().describe())
                    .append(" -> ").append(section.summary().verdict());
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

    /**
     * One line per column listing the distinct ways its cells were measured (interpreter != others),
     * rows measured the same way grouped; a single line when every column reads the same.
     */
    private static String howMeasured(BenchSection section) {
        Map<String, String> perColumn = new LinkedHashMap<>();
        for (Column c : section.columns()) {
            Map<String, List<String>> rowsByMethod = new LinkedHashMap<>();
            for (BenchRow row : section.rows()) {
                Measurement m = row.cells().get(c.id());
                if (m != null && m.isOk()) {
                    rowsByMethod.computeIfAbsent(m.method(), k -> new ArrayList<>()).add(row.name());
                }
            }
            List<String> methods = new ArrayList<>();
            boolean allRowsAlike = rowsByMethod.size() == 1
                    && rowsByMethod.values().iterator().next().size() == section.rows().size();
            rowsByMethod.forEach((method, rows) -> methods.add(allRowsAlike ? method : String.join(", ", rows) + ": " + method));
            if (!methods.isEmpty()) {
                perColumn.put(c.title(), String.join("; ", methods));
            }
        }
        StringBuilder out = new StringBuilder();
        if (perColumn.size() > 1 && new LinkedHashSet<>(perColumn.values()).size() == 1) {
            out.append("  every column: ").append(perColumn.values().iterator().next()).append('\n');
        } else {
            perColumn.forEach((title, text) -> out.append("  ").append(title).append(": ").append(text).append('\n'));
        }
        return out.toString();
    }

    /** @param ruleBeforeLast set a summary row (the geomean) off from the rows above it */
    private static void grid(StringBuilder out, List<String> header, List<List<String>> body, boolean ruleBeforeLast) {
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
            if (ruleBeforeLast && i == body.size() - 1) {
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
