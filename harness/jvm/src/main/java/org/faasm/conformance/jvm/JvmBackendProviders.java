package org.faasm.conformance.jvm;

import org.faasm.conformance.backend.Backend;
import org.faasm.conformance.backend.BackendConfig;
import org.faasm.conformance.backend.BackendProvider;
import org.faasm.conformance.hostinterface.FaasmVm;

/** The two jvm columns, one per Faasm VM: the same host, modelling WAVM's or WAMR's results where they differ. */
public abstract class JvmBackendProviders implements BackendProvider {
    private final FaasmVm vm;

    private JvmBackendProviders(FaasmVm vm) {
        this.vm = vm;
    }

    @Override
    public String name() {
        return "jvm-" + vm.id();
    }

    @Override
    public Backend create(BackendConfig config) {
        return new JvmBackend(name(), vm, ChainedCallTimeout.FAASM, RunLimits.DEFAULT, config.wasmDir(), Engine.COMPILER, JvmBackend.DEFAULT_MEMORY_CAP_PAGES);
    }

    public static final class Wavm extends JvmBackendProviders {
        public Wavm() {
            super(FaasmVm.WAVM);
        }
    }

    public static final class Wamr extends JvmBackendProviders {
        public Wamr() {
            super(FaasmVm.WAMR);
        }
    }
}
