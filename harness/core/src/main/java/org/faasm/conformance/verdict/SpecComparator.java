package org.faasm.conformance.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.spec.BytesMatcher;
import org.faasm.conformance.spec.ChainedCallExpectation;
import org.faasm.conformance.spec.Diagnostics;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.StateExpectation;

/** Compares an observation with what its spec expects; every difference becomes a {@link Mismatch}. */
public final class SpecComparator {
    private SpecComparator() {}

    public static List<Mismatch> compare(Expectation expect, Observation observed) {
        List<Mismatch> mismatches = new ArrayList<>();
        compareMessage("", expect.returnValue(), expect.output(), expect.chained(), observed, mismatches);
        match("stdout", expect.stdout(), observed.stdout(), mismatches);
        match("stderr", expect.stderr(), observed.stderr(), mismatches);
        compareKeyed("state", expect.state(), observed.stateAfter(), mismatches);
        compareKeyed("files", expect.files(), observed.filesAfter(), mismatches);
        return mismatches;
    }

    /** The harness's diagnostics of the entry: with {@code trap}, it must fail with a matching error text. */
    public static List<Mismatch> compareDiagnostics(Diagnostics diagnostics, Observation observed) {
        List<Mismatch> mismatches = new ArrayList<>();
        String field = "diagnostics.trap";
        if (diagnostics.trap().isPresent() && !observed.outcome().isError()) {
            mismatches.add(new Mismatch(field, diagnostics.trap().get().describe(), "no trap (returned " + observed.returnValue() + ")"));
        } else {
            match(field, diagnostics.trap(), Bytes.utf8(observed.error()), mismatches);
        }
        return mismatches;
    }

    private static void compareMessage(
            String path,
            Optional<Integer> returnValue,
            Optional<BytesMatcher> output,
            Optional<List<ChainedCallExpectation>> chained,
            Observation observed,
            List<Mismatch> mismatches) {
        returnValue.filter(v -> v != observed.returnValue())
                .ifPresent(v -> mismatches.add(new Mismatch(path + "returnValue", v.toString(), Integer.toString(observed.returnValue()))));
        match(path + "output", output, observed.output(), mismatches);
        chained.ifPresent(calls -> compareChained(path, calls, observed.chained(), mismatches));
    }

    private static void compareChained(String path, List<ChainedCallExpectation> expected, List<Observation> observed, List<Mismatch> mismatches) {
        if (expected.size() != observed.size()) {
            mismatches.add(new Mismatch(path + "chained", expected.size() + " calls", observed.size() + " calls: " + describeCalls(observed)));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            ChainedCallExpectation call = expected.get(i);
            Observation child = observed.get(i);
            String childPath = path + "chained[" + i + "].";
            call.function().filter(f -> !(f.equals(child.function()) && child.funcPtr() == 0))
                    .ifPresent(f -> mismatches.add(new Mismatch(childPath + "function", f, target(child))));
            call.ptr().filter(p -> p != child.funcPtr())
                    .ifPresent(p -> mismatches.add(new Mismatch(childPath + "ptr", p.toString(), target(child))));
            match(childPath + "input", call.input(), child.input(), mismatches);
            compareMessage(childPath, call.returnValue(), call.output(), call.chained(), child, mismatches);
        }
    }

    /** State keys or files by path: each must hold a matching value, or none when expected absent. */
    private static void compareKeyed(String what, Map<String, StateExpectation> expected, Map<String, byte[]> actual,
            List<Mismatch> mismatches) {
        expected.forEach((key, expectation) -> {
            byte[] value = actual.get(key);
            String field = what + "[" + key + "]";
            if (expectation.value().isEmpty()) {
                if (value != null) {
                    mismatches.add(new Mismatch(field, "absent", Bytes.describe(value)));
                }
            } else if (value == null) {
                mismatches.add(new Mismatch(field, expectation.describe(), "absent"));
            } else {
                match(field, expectation.value(), value, mismatches);
            }
        });
    }

    private static void match(String field, Optional<BytesMatcher> matcher, byte[] actual, List<Mismatch> mismatches) {
        matcher.filter(m -> !m.matches(actual))
                .ifPresent(m -> mismatches.add(new Mismatch(field, m.describe(), Bytes.describe(actual))));
    }

    private static String target(Observation call) {
        return call.funcPtr() == 0 ? "function " + call.function() : "ptr " + call.funcPtr() + " of " + call.function();
    }

    private static String describeCalls(List<Observation> calls) {
        return calls.stream().map(SpecComparator::target).toList().toString();
    }
}
