package org.faasm.conformance.faasm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;

/** The two real-Faasm columns, one per WebAssembly VM (the upload server's and the worker's FAASM_WASM_VM). */
public final class FaasmClusterBackendProviders {
    private FaasmClusterBackendProviders() {}

    public static final class Wamr implements BackendProvider {
        @Override
        public String name() {
            return "faasm-wamr";
        }

        @Override
        public Backend create(BackendConfig config) {
            return new FaasmClusterBackend("wamr", config.wasmDir().getParent(), config.wasmDir());
        }
    }

    public static final class Wavm implements BackendProvider {
        @Override
        public String name() {
            return "faasm-wavm";
        }

        @Override
        public Backend create(BackendConfig config) {
            return new FaasmClusterBackend("wavm", config.wasmDir().getParent(), config.wasmDir());
        }
    }
}
