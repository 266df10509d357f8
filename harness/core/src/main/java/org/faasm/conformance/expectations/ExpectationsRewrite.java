package org.faasm.conformance.expectations;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/**
 * A backend's expectations brought in line with a run, keeping what a person wrote where it still
 * holds. An entry stays while every spec of the run it applies to still ends as it says; an entry
 * one of whose specs now passes goes (a glob is narrowed to exact entries for the specs it still
 * covers); a spec whose failure changed status keeps the reason with the new status; a new failure
 * gets reason {@value Entry#TODO}; an entry matching no spec of the catalog goes. Specs the run did not
 * cover keep their entries.
 */
public final class ExpectationsRewrite {
    private static final Set<Status> FAILURES = EnumSet.of(Status.FAIL, Status.ERROR, Status.TIMEOUT);

    private ExpectationsRewrite() {}

    /**
     * @param observed each spec of the run on this backend with the status it produced before expectations
     * @param catalog every spec id that exists
     */
    public static List<Entry> rewrite(BackendExpectations current, Map<String, Status> observed, Set<String> catalog) {
        List<Entry> entries = new ArrayList<>();
        for (ExpectedStatus entry : current.entries()) {
            List<String> resolved = observed.keySet().stream()
                    .filter(id -> current.lookup(id).filter(entry::equals).isPresent()).sorted().toList();
            boolean holds = resolved.stream().allMatch(id -> stillHolds(entry, observed.get(id)));
            if (holds) {
                if (!resolved.isEmpty() || catalog.stream().anyMatch(id -> current.lookup(id).filter(entry::equals).isPresent())) {
                    entries.add(Entry.from(entry));
                }
                continue;
            }
            // Narrow: exact entries for what it still covers, including specs this run left out.
            catalog.stream().filter(id -> !observed.containsKey(id)).filter(id -> current.lookup(id).filter(entry::equals).isPresent())
                    .sorted().forEach(id -> entries.add(Entry.exact(id, entry.status(), entry)));
            for (String id : resolved) {
                Status status = observed.get(id);
                if (stillHolds(entry, status)) {
                    entries.add(Entry.exact(id, entry.status(), entry));
                } else if (FAILURES.contains(status)) {
                    entries.add(Entry.exact(id, status, entry));
                }
            }
        }
        observed.entrySet().stream()
                .filter(e -> FAILURES.contains(e.getValue()) && current.lookup(e.getKey()).isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> entries.add(new Entry(e.getKey(), e.getValue(), Entry.TODO, Optional.empty())));
        return List.copyOf(entries);
    }

    /** Whether the entry is still right about a spec that ended with {@code status}; a spec that could not run proves nothing. */
    private static boolean stillHolds(ExpectedStatus entry, Status status) {
        return status == entry.status() || status == Status.UNAVAILABLE
                || (status == Status.SKIP && entry.status() != Status.SKIP);
    }
}
