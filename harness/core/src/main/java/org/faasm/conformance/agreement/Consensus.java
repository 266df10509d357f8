package org.faasm.conformance.agreement;

import java.util.List;
import java.util.Optional;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.Verdict;

/**
 * Judges a {@code consensus: true} spec: the backends that observed it and follow the same Faasm VM
 * must agree. Backends outside a strict majority of their VM's backends fail; with no majority (e.g.
 * two backends that differ) every one of them fails, since nothing says which one is right.
 */
public final class Consensus {
    private Consensus() {}

    public static List<Verdict> judge(List<Verdict> verdicts, Agreement agreement) {
        return verdicts.stream().map(v -> judgeOne(v, agreement)).toList();
    }

    private static Verdict judgeOne(Verdict verdict, Agreement agreement) {
        String backend = verdict.backend();
        if (!agreement.compared().contains(backend)) {
            return verdict;
        }
        List<String> peers = agreement.peers(backend);
        if (peers.size() < 2) {
            return verdict.withMessage(verdict.message() + "; consensus not checked: no other backend following "
                    + agreement.vms().get(backend).id() + " produced an observation");
        }
        Optional<List<String>> majority = agreement.groups().stream().filter(g -> peers.contains(g.get(0)))
                .filter(g -> g.size() * 2 > peers.size()).findFirst();
        if (majority.map(m -> m.contains(backend)).orElse(false)) {
            return verdict;
        }
        String other = majority.map(m -> m.get(0)).orElseGet(() -> peers.stream().filter(b -> !b.equals(backend)).findFirst().orElseThrow());
        Comparison comparison = agreement.between(backend, other).orElseThrow();
        String expected = majority.map(m -> "the same observation as " + String.join(", ", m))
                .orElse("a majority of " + peers + " to agree");
        return verdict.failedWith(new Mismatch("consensus", expected, comparison.describe()));
    }
}
