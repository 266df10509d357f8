package org.faasm.conformance.backend;

/** Creates a backend by name; found through {@link java.util.ServiceLoader}. */
public interface BackendProvider {
    String name();

    Backend create(BackendConfig config);
}
