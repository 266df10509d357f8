package org.faasm.conformance.agreement;

import java.util.List;
import java.util.Optional;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.Verdict;

/**
 * Judges a {@code consensus: true} spec: the backends that observed it must agree. Backends outside a
 * strict majority fail; with no majority (e.g. two backends that differ) every observing backend fails,
 * since nothing says which one is right.
 */
public final class Consensus {
    private Consensus() {}

    public static List<Verdict> judge(List<Verdict> verdicts, Agreement agreement) {
        if (agreement.state() == Agreement.State.NOT_COMPARED) {
            return verdicts.stream().map(v -> v.observation().isPresent()
                    ? v.withMessage(v.message() + "; consensus not checked: only " + v.backend() + " produced an observation")
                    : v).toList();
        }
        List<List<String>> groups = agreement.groups();
        Optional<List<String>> majority = groups.get(0).size() * 2 > agreement.compared().size()
                ? Optional.of(groups.get(0)) : Optional.empty();
        return verdicts.stream().map(v -> judgeOne(v, agreement, majority)).toList();
    }

    private static Verdict judgeOne(Verdict verdict, Agreement agreement, Optional<List<String>> majority) {
        String backend = verdict.backend();
        if (!agreement.compared().contains(backend) || majority.map(m -> m.contains(backend)).orElse(false)) {
            return verdict;
        }
        String other = majority.map(m -> m.get(0))
                .orElseGet(() -> agreement.compared().stream().filter(b -> !b.equals(backend)).findFirst().orElseThrow());
        Comparison comparison = agreement.between(backend, other).orElseThrow();
        String expected = majority.map(m -> "the same observation as " + String.join(", ", m))
                .orElse("a majority of " + agreement.compared() + " to agree");
        return verdict.failedWith(new Mismatch("consensus", expected, comparison.describe()));
    }
}
