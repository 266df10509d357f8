package org.faasm.conformance.expectations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/**
 * Every backend's expectations, by backend name, and the errors of files that did not load. A backend
 * whose file did not load is judged without expectations (its failures then show as they are).
 */
public record Expectations(Map<String, BackendExpectations> byBackend, List<SpecLoadError> errors) {

    public static Expectations none() {
        return new Expectations(Map.of(), List.of());
    }

    public Optional<ExpectedStatus> lookup(String backend, String specId) {
        return forBackend(backend).lookup(specId);
    }

    /**
     * Only the entries that keep a spec from running ({@code SKIP}: a spec that would abort a worker, or that the
     * harness must not send), less those for the specs in {@code named}: what a recording run honours, so that it
     * keeps what the backend does with everything else, and runs a skipped spec only when it is asked for by name.
     */
    public Expectations onlySkips(Set<String> named) {
        Map<String, BackendExpectations> skips = new LinkedHashMap<>();
        byBackend.forEach((backend, file) -> skips.put(backend, new BackendExpectations(file.backend(), file.file(),
                file.entries().stream().filter(e -> e.status() == Status.SKIP && !named.contains(e.pattern())).toList())));
        return new Expectations(skips, errors);
    }

    public BackendExpectations forBackend(String backend) {
        return byBackend.getOrDefault(backend, BackendExpectations.none(backend));
    }
}
