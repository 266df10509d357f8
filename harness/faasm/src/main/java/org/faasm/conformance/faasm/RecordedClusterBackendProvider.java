package org.faasm.conformance.faasm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;
import org.faasm.conformance.hostinterface.FaasmVm;

/** Registers {@code faasm-wamr-recorded}: the recordings of a real Faasm cluster on WAMR (the VM built natively). */
public final class RecordedClusterBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "faasm-wamr-recorded";
    }

    @Override
    public Backend create(BackendConfig config) {
        return new RecordedClusterBackend(FaasmVm.WAMR, config.wasmDir().resolveSibling("specs"), config.wasmDir());
    }
}
