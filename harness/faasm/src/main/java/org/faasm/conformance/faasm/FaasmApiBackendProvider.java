package org.faasm.conformance.faasm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;

/** Registers {@code faasm-api}: the Faasm client against the embedded cluster. */
public final class FaasmApiBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "faasm-api";
    }

    @Override
    public Backend create(BackendConfig config) {
        return new FaasmApiBackend(config.wasmDir());
    }
}
