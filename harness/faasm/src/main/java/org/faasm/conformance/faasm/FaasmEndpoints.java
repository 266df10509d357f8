package org.faasm.conformance.faasm;

import java.net.URI;
import java.util.Optional;

/**
 * Where a Faasm deployment answers: its planner (Faasm's port 8080) and upload server (port 8002).
 * An existing deployment is given with {@code -Dfaasm.planner.url} and {@code -Dfaasm.upload.url}, or
 * the environment variables {@code FAASM_PLANNER_URL} and {@code FAASM_UPLOAD_URL}.
 */
public record FaasmEndpoints(URI planner, URI upload) {

    public static Optional<FaasmEndpoints> configured() {
        Optional<String> planner = setting("faasm.planner.url", "FAASM_PLANNER_URL");
        Optional<String> upload = setting("faasm.upload.url", "FAASM_UPLOAD_URL");
        if (planner.isEmpty() && upload.isEmpty()) {
            return Optional.empty();
        }
        if (planner.isEmpty() || upload.isEmpty()) {
            throw new IllegalArgumentException("an existing Faasm deployment needs both faasm.planner.url and faasm.upload.url"
                    + " (or FAASM_PLANNER_URL and FAASM_UPLOAD_URL)");
        }
        return Optional.of(new FaasmEndpoints(URI.create(planner.get()), URI.create(upload.get())));
    }

    /** A setting from a system property, else from the environment; blank is unset. */
    static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
