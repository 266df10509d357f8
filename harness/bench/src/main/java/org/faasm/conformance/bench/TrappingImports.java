package org.faasm.conformance.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;

/**
 * Satisfies every function import of a module with a stub that traps, built from the module's own
 * import section. {@code bench_kernel} must be pure compute: a host call would measure the host,
 * so it fails loudly instead.
 */
final class TrappingImports {

    private TrappingImports() {
    }

    static ImportValues of(WasmModule module) {
        ImportValues.Builder imports = ImportValues.builder();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (imp.importType() != ExternalType.FUNCTION) {
                throw new IllegalArgumentException("bench modules may import only functions, not "
                        + imp.importType() + " " + imp.module() + "." + imp.name());
            }
            var type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            String name = imp.module() + "." + imp.name();
            imports.addFunction(new HostFunction(imp.module(), imp.name(), type, (instance, args) -> {
                throw new TrapException("bench kernel called import " + name);
            }));
        }
        return imports.build();
    }
}
