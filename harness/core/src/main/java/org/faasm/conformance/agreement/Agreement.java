package org.faasm.conformance.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.observe.Observation;

/**
 * Whether the backends that observed a spec agree: every pair of them that follows the same Faasm VM
 * compared, in backend order. Backends following different VMs are not compared: where WAVM and WAMR
 * legitimately differ, so do their models.
 *
 * @param compared the backends that produced an observation
 * @param vms the VM each compared backend follows
 */
public record Agreement(List<String> compared, Map<String, FaasmVm> vms, List<Comparison> pairs) {

    public enum State {
        /** Every pair of backends made the same observation. */
        AGREE,
        /** At least two backends differ. */
        DIVERGE,
        /** Fewer than two backends produced an observation. */
        NOT_COMPARED
    }

    /**
     * @param observations by backend, in the order backends should be listed
     * @param vms the VM each backend follows
     */
    public static Agreement of(Map<String, Observation> observations, Map<String, FaasmVm> vms) {
        List<String> names = List.copyOf(observations.keySet());
        List<Comparison> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (vms.get(names.get(i)) == vms.get(names.get(j))) {
                    pairs.add(ObservationDiff.compare(names.get(i), observations.get(names.get(i)),
                            names.get(j), observations.get(names.get(j))));
                }
            }
        }
        Map<String, FaasmVm> compared = new LinkedHashMap<>();
        names.forEach(name -> compared.put(name, vms.get(name)));
        return new Agreement(names, Collections.unmodifiableMap(compared), List.copyOf(pairs));
    }

    /** The compared backends that follow the same VM as {@code backend}, itself included. */
    public List<String> peers(String backend) {
        return compared.stream().filter(b -> vms.get(b) == vms.get(backend)).toList();
    }

    public State state() {
        if (pairs.isEmpty()) {
            return State.NOT_COMPARED;
        }
        return pairs.stream().allMatch(Comparison::agree) ? State.AGREE : State.DIVERGE;
    }

    public Optional<Comparison> firstDivergence() {
        return pairs.stream().filter(p -> !p.agree()).findFirst();
    }

    /** The backends split into groups that follow the same VM and agree among themselves, largest first. */
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
        return between(a, b).map(Comparison::agree).orElse(false);
    }
}
