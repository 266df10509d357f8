package org.faasm.conformance.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.observe.Observation;

/**
 * Whether the backends that observed a spec agree: every pair of them compared, in backend order.
 *
 * @param compared the backends that produced an observation
 */
public record Agreement(List<String> compared, List<Comparison> pairs) {

    public enum State {
        /** Every pair of backends made the same observation. */
        AGREE,
        /** At least two backends differ. */
        DIVERGE,
        /** Fewer than two backends produced an observation. */
        NOT_COMPARED
    }

    /** @param observations by backend, in the order backends should be listed */
    public static Agreement of(Map<String, Observation> observations) {
        List<String> names = List.copyOf(observations.keySet());
        List<Comparison> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                pairs.add(ObservationDiff.compare(names.get(i), observations.get(names.get(i)),
                        names.get(j), observations.get(names.get(j))));
            }
        }
        return new Agreement(names, List.copyOf(pairs));
    }

    public State state() {
        if (compared.size() < 2) {
            return State.NOT_COMPARED;
        }
        return pairs.stream().allMatch(Comparison::agree) ? State.AGREE : State.DIVERGE;
    }

    public Optional<Comparison> firstDivergence() {
        return pairs.stream().filter(p -> !p.agree()).findFirst();
    }

    /** The backends split into groups that agree among themselves, largest first. */
    public List<List<String>> groups() {
        List<List<String>> groups = new ArrayList<>();
        for (String backend : compared) {
            groups.stream().filter(g -> agree(g.get(0), backend)).findFirst()
                    .ifPresentOrElse(g -> g.add(backend), () -> groups.add(new ArrayList<>(List.of(backend))));
        }
        groups.sort((a, b) -> b.size() - a.size());
        return groups.stream().map(List::copyOf).toList();
    }

    public Optional<Comparison> between(String a, String b) {
        return pairs.stream().filter(p -> p.left().equals(a) && p.right().equals(b) || p.left().equals(b) && p.right().equals(a))
                .findFirst();
    }

    private boolean agree(String a, String b) {
        return between(a, b).map(Comparison::agree).orElse(true);
    }
}
