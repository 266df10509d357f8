package org.faasm.conformance.jvm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;

/** Registers the {@code jvm} backend: Chicory's runtime compiler. */
public final class JvmBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Backend create(BackendConfig config) {
        return new JvmBackend(name(), config.wasmDir(), Engine.COMPILER, JvmBackend.DEFAULT_MEMORY_CAP_PAGES);
    }
}
