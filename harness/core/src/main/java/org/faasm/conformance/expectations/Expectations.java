package org.faasm.conformance.expectations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.spec.SpecLoadError;
import org.faasm.conformance.verdict.ExpectedStatus;

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

    public BackendExpectations forBackend(String backend) {
        return byBackend.getOrDefault(backend, BackendExpectations.none(backend));
    }
}
