package org.faasm.conformance.faasm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;

/**
 * Turns an app's {@code messageResults} into an observation tree. A cluster reports less than the
 * jvm backend (no trace, no separate stdout): those fields stay empty. The outcome is read back from
 * Faasm's own output texts (reference §2.1).
 */
final class ResultTree {
    private static final Pattern THREW = Pattern.compile("(?s)Task \\d+ threw exception\\. What: (.*)");
    private static final String NOT_FOUND = "Error trying to claim executor";

    private ResultTree() {}

    /**
     * The entry's observation with its chained calls: from {@code chainedMsgIds} where the cluster
     * recorded them, else every other result of the app, in id order, as the entry's children.
     */
    static Observation build(List<MessageResult> results, int entryId) {
        Map<Integer, MessageResult> byId = results.stream().collect(Collectors.toMap(MessageResult::id, Function.identity()));
        MessageResult entry = byId.get(entryId);
        boolean graphRecorded = results.stream().anyMatch(r -> !r.chainedMsgIds().isEmpty());
        if (graphRecorded) {
            return observe(entry, byId);
        }
        List<Observation> children = results.stream().filter(r -> r.id() != entryId)
                .sorted(Comparator.comparingInt(MessageResult::id))
                .map(r -> observation(r, List.of())).toList();
        return observation(entry, children);
    }

    private static Observation observe(MessageResult result, Map<Integer, MessageResult> byId) {
        List<Observation> children = new ArrayList<>();
        for (int id : result.chainedMsgIds()) {
            MessageResult child = byId.get(id);
            if (child != null) {
                children.add(observe(child, byId));
            }
        }
        return observation(result, children);
    }

    private static Observation observation(MessageResult result, List<Observation> chained) {
        Outcome outcome = Outcome.RETURNED;
        String error = "";
        Matcher threw = THREW.matcher(result.output());
        if (result.returnValue() != 0 && threw.matches()) {
            error = threw.group(1);
            outcome = Outcome.HOST_ERROR;
        } else if (result.returnValue() != 0 && result.output().equals(NOT_FOUND)) {
            error = NOT_FOUND;
            outcome = Outcome.NOT_FOUND;
        }
        return new Observation(result.function(), result.funcPtr(), result.input(), outcome, result.returnValue(),
                result.output().getBytes(StandardCharsets.UTF_8), error, new byte[0], new byte[0], 0, chained, Map.of(),
                List.of(), Timings.NONE);
    }
}
