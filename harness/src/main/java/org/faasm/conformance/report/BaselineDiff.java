package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.verdict.Status;

/**
 * A run compared with an earlier {@code report.json}, spec × backend, on the status each backend itself
 * produced (so adding an expectation does not hide a regression): PASS before and FAIL, ERROR or
 * TIMEOUT now is a regression, the reverse a fix, any other difference a change.
 */
public record BaselineDiff(String baseline, List<Change> regressions, List<Change> fixes, List<Change> changes) {

    /** One spec × backend whose status moved; {@code before} or {@code after} is empty when it was not in that run. */
    public record Change(String spec, String backend, Optional<Status> before, Optional<Status> after) {
        @Override
        public String toString() {
            return spec + " [" + backend + "]: " + before.map(Status::name).orElse("(absent)") + " → "
                    + after.map(Status::name).orElse("(absent)");
        }
    }

    public static BaselineDiff compare(String baselineName, JsonNode baseline, JsonNode current) {
        Map<String, Status> before = observed(baseline);
        Map<String, Status> after = observed(current);
        List<Change> regressions = new ArrayList<>();
        List<Change> fixes = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, Status> all = new LinkedHashMap<>(after);
        before.forEach(all::putIfAbsent);
        for (String key : all.keySet()) {
            Optional<Status> was = Optional.ofNullable(before.get(key));
            Optional<Status> now = Optional.ofNullable(after.get(key));
            if (was.equals(now)) {
                continue;
            }
            String[] parts = key.split("\u0000");
            Change change = new Change(parts[0], parts[1], was, now);
            if (was.equals(Optional.of(Status.PASS)) && now.filter(Status::isFailure).isPresent()) {
                regressions.add(change);
            } else if (was.filter(Status::isFailure).isPresent() && now.equals(Optional.of(Status.PASS))) {
                fixes.add(change);
            } else {
                changes.add(change);
            }
        }
        return new BaselineDiff(baselineName, List.copyOf(regressions), List.copyOf(fixes), List.copyOf(changes));
    }

    private static Map<String, Status> observed(JsonNode report) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        report.path("results").forEach(r -> statuses.put(r.path("spec").asText() + "\u0000" + r.path("backend").asText(),
                ResultStatus.observed(r)));
        return statuses;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonReport.JSON.createObjectNode().put("file", baseline);
        changes(node.putArray("regressions"), regressions);
        changes(node.putArray("fixes"), fixes);
        changes(node.putArray("changes"), changes);
        return node;
    }

    private static void changes(ArrayNode array, List<Change> list) {
        for (Change change : list) {
            ObjectNode node = array.addObject().put("spec", change.spec()).put("backend", change.backend());
            node.put("before", change.before().map(Status::name).orElse(null));
            node.put("after", change.after().map(Status::name).orElse(null));
        }
    }
}
