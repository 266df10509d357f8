package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ExternalType;

/**
 * Brings a fresh instance to the state WAVM binds a module to, before any message runs in it
 * ({@code faasm:src/wavm/WAVMWasmModule.cpp} doBindToFunctionInternal, executeZygoteFunction): the
 * static constructors, then the zygote if exported. WAVM does this once and restores a snapshot for
 * every message; running both in each fresh instance reaches the same state.
 */
final class ModuleBind {
    static final String CONSTRUCTORS = "__wasm_call_ctors";
    static final String ZYGOTE = "_faasm_zygote";

    private ModuleBind() {}

    /** Runs constructors and zygote; throws when WAVM would refuse to bind the module. */
    static void run(Instance instance) throws BindFailure {
        if (!exportsFunction(instance, CONSTRUCTORS)) {
            // WAVMWasmModule.cpp:1484-1487 (executeWasmConstructorsFunction)
            throw new BindFailure("Did not find " + CONSTRUCTORS);
        }
        instance.export(CONSTRUCTORS).apply();
        if (exportsFunction(instance, ZYGOTE)) {
            long[] result = instance.export(ZYGOTE).apply();
            int code = result == null || result.length == 0 ? 0 : (int) result[0];
            if (code != 0) {
                // WAVMWasmModule.cpp:1466-1472: "Zygote for <user>/<function> failed with return code N"
                throw new BindFailure("Zygote failed (" + ZYGOTE + " returned " + code + ")");
            }
        }
    }

    static boolean exportsFunction(Instance instance, String name) {
        var exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var export = exports.getExport(i);
            if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
                return true;
            }
        }
        return false;
    }

    /** WAVM's bind threw: the executor cannot be claimed and the message fails with rv 1. */
    static final class BindFailure extends Exception {
        BindFailure(String message) {
            super(message);
        }
    }
}
