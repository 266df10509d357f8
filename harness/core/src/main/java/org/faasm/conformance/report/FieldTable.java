package org.faasm.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.spec.BytesMatcher;
import org.faasm.conformance.spec.ChainedCallExpectation;
import org.faasm.conformance.spec.Diagnostics;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.Verdict;

/**
 * Expected against actual, field by field, for one verdict with an observation: the rows a person
 * compares in the HTML report. Field names are the ones mismatches use, so a failing row is marked.
 */
final class FieldTable {
    private static final String UNCHECKED = "(not checked)";

    record Row(String field, String expected, String actual, boolean ok) {}

    private final List<Row> rows = new ArrayList<>();
    private final Set<String> failing;

    private FieldTable(Verdict verdict) {
        this.failing = verdict.mismatches().stream().map(Mismatch::field).collect(Collectors.toSet());
    }

    static List<Row> of(Expectation expect, Diagnostics diagnostics, Verdict verdict, Observation observed) {
        FieldTable table = new FieldTable(verdict);
        table.add("diagnostics.trap", describe(diagnostics.trap()),
                observed.outcome().isError() ? observed.outcome() + ": " + observed.error() : "none");
        table.message("", expect.returnValue(), expect.output(), expect.chained(), observed);
        table.add("stdout", describe(expect.stdout()), Bytes.describe(observed.stdout()));
        table.add("stderr", describe(expect.stderr()), Bytes.describe(observed.stderr()));
        expect.state().forEach((key, value) -> table.add("state[" + key + "]", value.describe(),
                Optional.ofNullable(observed.stateAfter().get(key)).map(Bytes::describe).orElse("absent")));
        expect.files().forEach((path, value) -> table.add("files[" + path + "]", value.describe(),
                Optional.ofNullable(observed.filesAfter().get(path)).map(Bytes::describe).orElse("absent")));
        verdict.mismatches().stream().filter(m -> m.field().equals("consensus"))
                .forEach(m -> table.rows.add(new Row(m.field(), m.expected(), m.actual(), false)));
        return List.copyOf(table.rows);
    }

    private void message(String path, Optional<Integer> returnValue, Optional<BytesMatcher> output,
            Optional<List<ChainedCallExpectation>> chained, Observation observed) {
        add(path + "returnValue", returnValue.map(String::valueOf).orElse(UNCHECKED), Integer.toString(observed.returnValue()));
        add(path + "output", describe(output), Bytes.describe(observed.output()));
        List<Observation> calls = observed.chained();
        add(path + "chained", chained.map(c -> c.size() + " calls").orElse(UNCHECKED), calls.size() + " calls");
        chained.ifPresent(expected -> {
            for (int i = 0; i < Math.min(expected.size(), calls.size()); i++) {
                ChainedCallExpectation call = expected.get(i);
                Observation child = calls.get(i);
                String childPath = path + "chained[" + i + "].";
                add(childPath + "target", call.target(), child.funcPtr() == 0 ? "function " + child.function() : "ptr " + child.funcPtr());
                add(childPath + "input", describe(call.input()), Bytes.describe(child.input()));
                message(childPath, call.returnValue(), call.output(), call.chained(), child);
            }
        });
    }

    private void add(String field, String expected, String actual) {
        boolean ok = !failing.contains(field) && !(field.endsWith(".target")
                && (failing.contains(field.replace(".target", ".function")) || failing.contains(field.replace(".target", ".ptr"))));
        rows.add(new Row(field, expected, actual, ok));
    }

    private static String describe(Optional<BytesMatcher> matcher) {
        return matcher.map(BytesMatcher::describe).orElse(UNCHECKED);
    }
}
