package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faasm.conformance.verdict.Status;

/**
 * A run compared with an earlier {@code report.json}, spec × backend, on the status each backend itself
 * produced (so adding an expectation does not hide a regression): PASS before and FAIL, ERROR or
 * TIMEOUT now is a regression, the reverse a fix, any other difference a change. Spec × backend pairs
 * in only one of the runs (a partial run, a new spec) are counted, not listed.
 */
public record BaselineDiff(String baseline, List<Change> regressions, List<Change> fixes, List<Change> changes,
        int onlyInBaseline, int onlyInRun) {

    /** One spec × backend whose status moved. */
    public record Change(String spec, String backend, Status before, Status after) {
        @Override
        public String toString() {
            return spec + " [" + backend + "]: " + before + " → " + after;
        }
    }

    public static BaselineDiff compare(String baselineName, JsonNode baseline, JsonNode current) {
        Map<String, Status> before = observed(baseline);
        Map<String, Status> after = observed(current);
        List<Change> regressions = new ArrayList<>();
        List<Change> fixes = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Status> now : after.entrySet()) {
            Status was = before.get(now.getKey());
            if (was == null || was == now.getValue()) {
                continue;
            }
            String[] parts = now.getKey().split("\u0000");
            Change change = new Change(parts[0], parts[1], was, now.getValue());
            if (was == Status.PASS && now.getValue().isFailure()) {
                regressions.add(change);
            } else if (was.isFailure() && now.getValue() == Status.PASS) {
                fixes.add(change);
            } else {
                changes.add(change);
            }
        }
        int onlyInBaseline = (int) before.keySet().stream().filter(k -> !after.containsKey(k)).count();
        int onlyInRun = (int) after.keySet().stream().filter(k -> !before.containsKey(k)).count();
        return new BaselineDiff(baselineName, List.copyOf(regressions), List.copyOf(fixes), List.copyOf(changes), onlyInBaseline, onlyInRun);
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
        return node.put("onlyInBaseline", onlyInBaseline).put("onlyInRun", onlyInRun);
    }

    private static void changes(ArrayNode array, List<Change> list) {
        for (Change change : list) {
            array.addObject().put("spec", change.spec()).put("backend", change.backend())
                    .put("before", change.before().name()).put("after", change.after().name());
        }
    }
}
