package org.faasm.conformance.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.FaasmResult;
import org.faasm.conformance.spec.Bytes;

/**
 * Compares two backends' observations of the same spec: the kind of result Faasm would report
 * ({@link FaasmResult}), return value, output, every chained call (target, input, and recursively the
 * same), the state after, and, for each message where both backends recorded a trace, the normalised
 * host calls (see {@link TraceNormalizer}). The text after "threw exception. What:" names the host's
 * own error and is not compared; nor are error messages, stdout, stderr and timings.
 */
public final class ObservationDiff {
    private final List<Divergence> differences = new ArrayList<>();
    private Optional<CallDivergence> firstCall = Optional.empty();

    private ObservationDiff() {}

    public static Comparison compare(String leftName, Observation left, String rightName, Observation right) {
        ObservationDiff diff = new ObservationDiff();
        diff.message("", left, right);
        diff.state(left.stateAfter(), right.stateAfter());
        return new Comparison(leftName, rightName, List.copyOf(diff.differences), diff.firstCall);
    }

    private void message(String path, Observation left, Observation right) {
        differ(path + "result", left.faasmResult().name(), right.faasmResult().name());
        differ(path + "returnValue", Integer.toString(left.returnValue()), Integer.toString(right.returnValue()));
        if (left.faasmResult() != FaasmResult.THREW && right.faasmResult() != FaasmResult.THREW) {
            bytes(path + "output", left.output(), right.output());
        }
        trace(path.isEmpty() ? "entry" : path.substring(0, path.length() - 1), left.trace(), right.trace());
        List<Observation> leftChained = left.chained();
        List<Observation> rightChained = right.chained();
        if (leftChained.size() != rightChained.size()) {
            differ(path + "chained", leftChained.size() + " calls", rightChained.size() + " calls");
        }
        for (int i = 0; i < Math.min(leftChained.size(), rightChained.size()); i++) {
            String childPath = path + "chained[" + i + "].";
            Observation l = leftChained.get(i);
            Observation r = rightChained.get(i);
            differ(childPath + "target", target(l), target(r));
            bytes(childPath + "input", l.input(), r.input());
            message(childPath, l, r);
        }
    }

    /** A backend that records no trace for a message is compared on everything else. */
    private void trace(String message, List<HostCall> left, List<HostCall> right) {
        if (firstCall.isPresent() || left.isEmpty() || right.isEmpty()) {
            return;
        }
        List<NormalizedCall> l = TraceNormalizer.normalize(left);
        List<NormalizedCall> r = TraceNormalizer.normalize(right);
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            Optional<NormalizedCall> a = i < l.size() ? Optional.of(l.get(i)) : Optional.empty();
            Optional<NormalizedCall> b = i < r.size() ? Optional.of(r.get(i)) : Optional.empty();
            if (!a.map(NormalizedCall::call).equals(b.map(NormalizedCall::call))) {
                firstCall = Optional.of(new CallDivergence(message,
                        a.map(NormalizedCall::rawIndex).orElse(-1), b.map(NormalizedCall::rawIndex).orElse(-1),
                        a.map(c -> left.get(c.rawIndex())), b.map(c -> right.get(c.rawIndex()))));
                return;
            }
        }
    }

    private void state(Map<String, byte[]> left, Map<String, byte[]> right) {
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            byte[] l = left.get(key);
            byte[] r = right.get(key);
            if (l == null || r == null || !Arrays.equals(l, r)) {
                differ("stateAfter[" + key + "]", l == null ? "absent" : Bytes.describe(l), r == null ? "absent" : Bytes.describe(r));
            }
        }
    }

    private void bytes(String field, byte[] left, byte[] right) {
        if (!Arrays.equals(left, right)) {
            differences.add(new Divergence(field, Bytes.describe(left), Bytes.describe(right)));
        }
    }

    private void differ(String field, String left, String right) {
        if (!left.equals(right)) {
            differences.add(new Divergence(field, left, right));
        }
    }

    private static String target(Observation call) {
        return call.funcPtr() == 0 ? call.function() : call.function() + " ptr " + call.funcPtr();
    }
}
