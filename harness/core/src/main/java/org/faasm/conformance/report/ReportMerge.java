package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.faasm.conformance.coverage.ImportCoverage;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.verdict.Status;

/**
 * Joins the report.json files of shards of one run ({@code run --shard i/n} on each machine) into the
 * report of the whole run: every spec and verdict once, counts and coverage summed again, times from
 * the first start to the last finish. Shards must have run the same backends on the same corpus.
 */
public final class ReportMerge {
    private ReportMerge() {}

    /** The merged report; an {@link IllegalArgumentException} names what makes the reports no shards of one run. */
    public static ObjectNode merge(List<JsonNode> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no report to merge");
        }
        JsonNode first = shards.get(0);
        List<String> backends = new ArrayList<>();
        first.path("backends").forEach(b -> backends.add(b.path("name").asText()));
        for (int i = 1; i < shards.size(); i++) {
            List<String> theirs = new ArrayList<>();
            shards.get(i).path("backends").forEach(b -> theirs.add(b.path("name").asText()));
            if (!theirs.equals(backends)) {
                throw new IllegalArgumentException("report " + (i + 1) + " ran backends " + theirs + ", report 1 ran " + backends);
            }
            if (!shards.get(i).path("run").path("specRevision").equals(first.path("run").path("specRevision"))) {
                throw new IllegalArgumentException("report " + (i + 1) + " ran spec revision " + shards.get(i).path("run").path("specRevision")
                        + ", report 1 ran " + first.path("run").path("specRevision"));
            }
        }
        ObjectNode merged = first.deepCopy();
        merged.remove("baseline");
        earliestAndLatest(shards.stream().map(r -> r.path("run")).toList(), (ObjectNode) merged.path("run"));
        for (int b = 0; b < backends.size(); b++) {
            int index = b;
            earliestAndLatest(shards.stream().map(r -> r.path("backends").get(index)).toList(), (ObjectNode) merged.path("backends").get(b));
        }
        List<JsonNode> specs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode shard : shards) {
            for (JsonNode spec : shard.path("specs")) {
                if (!seen.add(spec.path("id").asText())) {
                    throw new IllegalArgumentException("spec " + spec.path("id").asText() + " is in two of the reports: they are no shards of one run");
                }
                specs.add(spec);
            }
        }
        specs.sort(Comparator.comparing(s -> s.path("id").asText()));
        Map<String, Integer> specOrder = new HashMap<>();
        specs.forEach(s -> specOrder.put(s.path("id").asText(), specOrder.size()));
        List<JsonNode> results = new ArrayList<>();
        shards.forEach(shard -> shard.path("results").forEach(results::add));
        results.sort(Comparator.comparing((JsonNode r) -> specOrder.getOrDefault(r.path("spec").asText(), Integer.MAX_VALUE))
                .thenComparing(r -> backends.indexOf(r.path("backend").asText())));
        merged.putArray("specs").addAll(specs);
        merged.putArray("results").addAll(results);
        merged.set("counts", JsonReport.counts(results.stream().map(ReportMerge::status).toList()));
        ObjectNode byBackend = merged.putObject("countsByBackend");
        backends.forEach(name -> byBackend.set(name, JsonReport.counts(results.stream()
                .filter(r -> r.path("backend").asText().equals(name)).map(ReportMerge::status).toList())));
        merged.set("coverage", coverage(shards.stream().map(r -> r.path("coverage")).toList()));
        return merged;
    }

    private static Status status(JsonNode result) {
        return Status.valueOf(result.path("status").asText());
    }

    /** {@code started} the earliest of the parts', {@code finished} the latest (ISO instants sort as text). */
    private static void earliestAndLatest(List<JsonNode> parts, ObjectNode into) {
        parts.stream().map(p -> p.path("started").asText()).min(Comparator.naturalOrder()).ifPresent(s -> into.put("started", s));
        parts.stream().map(p -> p.path("finished").asText()).max(Comparator.naturalOrder()).ifPresent(s -> into.put("finished", s));
    }

    /** Each spec ran in one shard: a call's spec counts add up, and an import is a gap only if no shard exercised it. */
    private static ObjectNode coverage(List<JsonNode> parts) {
        ObjectNode coverage = parts.get(0).deepCopy();
        Map<String, int[]> imports = sums(parts, "imports", "specsCalling", "specsImporting");
        ArrayNode importRows = coverage.putArray("imports");
        ArrayNode gaps = coverage.putArray("gaps");
        for (JsonNode row : parts.get(0).path("imports")) {
            String name = row.path("name").asText();
            int[] counts = imports.get(name);
            ObjectNode merged = ((ObjectNode) row.deepCopy()).put("specsCalling", counts[0]).put("specsImporting", counts[1]);
            boolean gap = FaasmImport.byName(name).map(i -> new ImportCoverage(i, List.of(), counts[0], counts[1]).gap()).orElse(counts[0] == 0);
            importRows.add(merged.put("gap", gap));
            if (gap) {
                gaps.add(name);
            }
        }
        if (parts.get(0).has("wasi")) {
            // A WASI call is listed when a backend implements it or a spec called it: in any shard.
            Map<String, int[]> wasi = sums(parts, "wasi", "specsCalling");
            Map<String, JsonNode> rows = new TreeMap<>();
            parts.forEach(part -> part.path("wasi").forEach(row -> rows.putIfAbsent(row.path("name").asText(), row)));
            ArrayNode wasiRows = coverage.putArray("wasi");
            rows.forEach((name, row) -> wasiRows.add(((ObjectNode) row.deepCopy()).put("specsCalling", wasi.get(name)[0])));
        }
        return coverage;
    }

    private static Map<String, int[]> sums(List<JsonNode> parts, String list, String... fields) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        for (JsonNode part : parts) {
            for (JsonNode row : part.path(list)) {
                int[] counts = sums.computeIfAbsent(row.path("name").asText(), n -> new int[fields.length]);
                for (int i = 0; i < fields.length; i++) {
                    counts[i] += row.path(fields[i]).asInt();
                }
            }
        }
        return sums;
    }
}
