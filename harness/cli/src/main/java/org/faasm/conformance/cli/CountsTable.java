package org.faasm.conformance.cli;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.faasm.conformance.run.BackendInfo;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/** The end of a run as a table people read: a row per backend, a column per status that occurred. */
final class CountsTable {
    private CountsTable() {}

    static String render(RunResult result) {
        List<Status> columns = Arrays.stream(Status.values())
                .filter(s -> result.verdicts().stream().anyMatch(v -> v.status() == s)).toList();
        int width = Math.max("backend".length(), result.backends().stream().mapToInt(b -> b.name().length()).max().orElse(0));
        StringBuilder table = new StringBuilder(row(width, "backend", columns.stream().map(Status::name).toList()));
        for (BackendInfo backend : result.backends()) {
            Map<Status, Long> counts = result.verdicts().stream().filter(v -> v.backend().equals(backend.name()))
                    .collect(Collectors.groupingBy(Verdict::status, () -> new EnumMap<>(Status.class), Collectors.counting()));
            table.append(row(width, backend.name(), columns.stream().map(s -> String.valueOf(counts.getOrDefault(s, 0L))).toList()));
        }
        return table.toString();
    }

    private static String row(int width, String name, List<String> cells) {
        StringBuilder row = new StringBuilder(String.format("  %-" + width + "s", name));
        cells.forEach(cell -> row.append(String.format("  %11s", cell)));
        return row.append(System.lineSeparator()).toString();
    }
}
