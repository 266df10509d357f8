package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.state.StateException;

/**
 * Builds a module's imports from its own import section (Faasm functions may import more than the
 * {@code __faasm_*} calls): Faasm calls in Java, WASI from Chicory, and for anything else a stub that
 * traps naming the call. Every call is recorded in the message's trace.
 */
final class ImportBinder {
    private static final String WASI_MODULE = "wasi_snapshot_preview1";

    private final MessageContext context;
    private final Map<FaasmImport, HostCallBody> faasm;
    private final Map<String, ImportFunction> wasi = new HashMap<>();
    /** Null in a normal run: the imports are bound as they are. */
    private final HostCallHook.Decorator decorator;

    ImportBinder(MessageContext context, WasiPreview1 wasiHost, HostCallHook hook) {
        this.context = context;
        this.faasm = FaasmHost.bodies(context);
        for (HostFunction function : wasiHost.toHostFunctions()) {
            wasi.put(function.name(), function);
        }
        this.decorator = hook == null ? null : hook.forMessage(name -> FaasmImport.byName(name)
                .filter(faasm::containsKey)
                .map(call -> traced(call, faasm.get(call))));
    }

    ImportValues bind(WasmModule module) throws ModuleLoadException {
        List<ImportFunction> functions = new ArrayList<>();
        for (Import anImport : module.importSection().stream().toList()) {
            if (anImport.importType() != ExternalType.FUNCTION) {
                throw new ModuleLoadException("import " + anImport.module() + "." + anImport.name() + " is a "
                        + anImport.importType() + "; only function imports are supported");
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) anImport).typeIndex());
            functions.add(bindFunction(anImport.module(), anImport.name(), type));
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    private ImportFunction bindFunction(String module, String name, FunctionType type) throws ModuleLoadException {
        Optional<FaasmImport> faasmImport = FaasmImport.MODULE.equals(module) ? FaasmImport.byName(name) : Optional.empty();
        boolean typed = faasmImport.map(call -> call.wasmType().equals(type)).orElse(false);
        if (faasmImport.isPresent() && faasm.containsKey(faasmImport.get()) && context.vm.links(faasmImport.get()) && typed) {
            FaasmImport call = faasmImport.get();
            return hostFunction(module, name, type, traced(call, faasm.get(call)));
        }
        if (WASI_MODULE.equals(module) && wasi.containsKey(name)) {
            ImportFunction provided = wasi.get(name);
            if (!provided.functionType().equals(type)) {
                throw new ModuleLoadException("import " + module + "." + name + " has type " + type + ", WASI defines " + provided.functionType());
            }
            return hostFunction(module, name, type, tracedRaw(name, context.vm.wasi(name, FaasmWasiRules.apply(name, provided.handle()))));
        }
        String what = module + "." + name;
        // A Faasm call declared with another type than the host interface's is left unlinked, as WAMR leaves
        // a native whose signature does not match (wamr:core/iwasm/common/wasm_native.c:232-240); WAVM refuses
        // such a module before (WavmBindCheck).
        String why = faasmImport.filter(call -> !context.vm.links(call)).isPresent()
                ? what + " is not linked: " + context.vm.vm.id() + " does not define it"
                : faasmImport.isPresent() && !typed
                        ? what + " is not linked: declared as " + type + ", but the host interface defines " + faasmImport.get().wasmType()
                        : what + " is not implemented by the jvm backend";
        return new HostFunction(module, name, type, tracedRaw(what, (instance, args) -> {
            throw new HostCallTrap(why);
        }));
    }

    private HostFunction hostFunction(String module, String name, FunctionType type, WasmFunctionHandle handle) {
        return new HostFunction(module, name, type, decorator == null ? handle : decorator.wrap(module, name, handle));
    }

    /** A Faasm call: arguments decoded by kind, errors turned into Faasm-style host errors. */
    private WasmFunctionHandle traced(FaasmImport call, HostCallBody body) {
        return (instance, args) -> {
            GuestMemory memory = new GuestMemory(instance.memory(), call.importName());
            List<String> decoded = ArgumentDecoder.decode(call, memory, args);
            try {
                Integer result = body.call(new HostCallArgs(instance, memory, args));
                if ((result == null) != call.wasmType().returns().isEmpty()) {
                    // Chicory would drop a result the import does not declare; a host bug must not pass unseen.
                    throw new IllegalStateException("host bug: " + call.importName() + " answered " + result
                            + " for a call that returns " + call.wasmType().returns());
                }
                context.trace.add(new HostCall(call.importName(), decoded, result == null ? null : result.toString()));
                return result == null ? null : new long[] {result};
            } catch (StateException e) {
                HostError error = new HostError(call.importName(), e.getMessage());
                context.trace.add(new HostCall(call.importName(), decoded, "error: " + error.getMessage()));
                throw error;
            } catch (RuntimeException e) {
                context.trace.add(new HostCall(call.importName(), decoded, "error: " + e.getMessage()));
                throw e;
            }
        };
    }

    /** Any other import: raw arguments, result or error recorded. */
    private WasmFunctionHandle tracedRaw(String name, WasmFunctionHandle handle) {
        return (instance, args) -> {
            List<String> raw = Arrays.stream(args).mapToObj(Long::toString).toList();
            try {
                long[] result = handle.apply(instance, args);
                context.trace.add(new HostCall(name, raw,
                        result == null || result.length == 0 ? null : Long.toString(result[0])));
                return result;
            } catch (RuntimeException e) {
                context.trace.add(new HostCall(name, raw, "exit/error: " + e.getMessage()));
                throw e;
            }
        };
    }
}
