package com.example;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;

/** Registers the column {@code sample} (META-INF/services). */
public final class SampleBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Backend create(BackendConfig config) {
        return new SampleBackend();
    }
}
