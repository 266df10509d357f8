package org.faasm.conformance.mutation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code mutation} section of report.json: each backend's score, every mutant's result, survivors with their reasons. */
public final class MutationJson {
    private MutationJson() {}

    public static ObjectNode of(List<MutationScore> scores, int catalogueSize) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("catalogue", MutantCatalogue.RESOURCE.substring(1)).put("mutants", catalogueSize);
        for (MutationScore score : scores) {
            ObjectNode node = root.withArray("backends").addObject()
                    .put("backend", score.backend()).put("host", score.host())
                    .put("killed", score.killed()).put("total", score.results().size()).put("equivalent", score.equivalent())
                    .put("score", Math.round(score.percent() * 10) / 10.0).put("millis", score.millis());
            for (MutantResult result : score.results()) {
                ObjectNode r = node.withArray("results").addObject()
                        .put("id", result.mutant().id()).put("description", result.mutant().description())
                        .put("outcome", result.outcome().name()).put("detail", result.detail())
                        .put("specsRun", result.specsRun()).put("millis", result.millis());
                result.mutant().calls().keySet().stream().sorted().forEach(r.putArray("calls")::add);
                result.killedBy().ifPresent(spec -> r.put("killedBy", spec));
                if (!result.outcome().killed()) {
                    r.put("reason", result.mutant().survives().orElse("")).put("equivalent", result.mutant().equivalent());
                }
            }
        }
        return root;
    }
}
