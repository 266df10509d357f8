package org.faasm.conformance.faasm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;
import org.faasm.conformance.hostinterface.FaasmVm;

/** The two real-Faasm columns, one per WebAssembly VM (the upload server's and the worker's FAASM_WASM_VM). */
public abstract class FaasmClusterBackendProviders implements BackendProvider {
    private final FaasmVm vm;

    private FaasmClusterBackendProviders(FaasmVm vm) {
        this.vm = vm;
    }

    @Override
    public String name() {
        return "faasm-" + vm.id();
    }

    @Override
    public Backend create(BackendConfig config) {
        return new FaasmClusterBackend(vm, config.wasmDir().getParent(), config.wasmDir());
    }

    public static final class Wamr extends FaasmClusterBackendProviders {
        public Wamr() {
            super(FaasmVm.WAMR);
        }
    }

    public static final class Wavm extends FaasmClusterBackendProviders {
        public Wavm() {
            super(FaasmVm.WAVM);
        }
    }
}
