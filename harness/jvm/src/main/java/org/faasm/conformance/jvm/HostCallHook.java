package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one seam at the host-call boundary, for the mutant catalogue ({@code mutation} package): a hook
 * decorates the imports of each message as it binds. A backend without one binds its imports as they are,
 * so a normal run pays nothing for the seam.
 */
public interface HostCallHook {
    /**
     * A decorator for one message's imports (a mutant that remembers calls keeps that memory per message).
     *
     * @param faasmCall the handle of any {@code __faasm_*} call by import name, imported by the module or not
     *     (for a mutant that calls the wrong one)
     */
    Decorator forMessage(Function<String, Optional<WasmFunctionHandle>> faasmCall);

    @FunctionalInterface
    interface Decorator {
        /** The handle the guest gets for import {@code module.name}. */
        WasmFunctionHandle wrap(String module, String name, WasmFunctionHandle handle);
    }
}
