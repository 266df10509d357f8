package org.faasm.conformance.wavm;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Faasm's WAVM would refuse when it binds a module ({@code faasm:src/wavm/WAVMWasmModule.cpp}): an
 * import it has no intrinsic for or whose type differs from the intrinsic's (resolve, ~1132-1340), a
 * missing or mistyped {@code __wasm_call_ctors} (~1480-1487) or {@code _faasm_zygote} (~1458-1476),
 * no {@code _start} for a message to run, no {@code memory}.
 */
public final class WavmBindCheck {
    private final WavmIntrinsics intrinsics;

    public WavmBindCheck(WavmIntrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    /** Every reason WAVM would not bind the module or run a message in it; empty when there is none. */
    public List<BindProblem> check(WasmModule module) {
        List<BindProblem> problems = new ArrayList<>();
        for (Import anImport : module.importSection().stream().toList()) {
            checkImport(module, anImport).ifPresent(problems::add);
        }
        // Executed at bind with no arguments and no results expected (executeWasmConstructorsFunction).
        checkExport(module, "__wasm_call_ctors", FunctionType.empty(), true).ifPresent(problems::add);
        // Executed at bind if present; its i32 result decides the bind (executeZygoteFunction).
        checkExport(module, "_faasm_zygote", FunctionType.returning(ValType.I32), false).ifPresent(problems::add);
        // The entry of every message with funcPtr 0 (getMainFunction, strict).
        checkExport(module, "_start", FunctionType.empty(), true).ifPresent(problems::add);
        // WAVM grows the default memory at bind (createThreadStacks); wasm-ld exports it as "memory".
        if (export(module, "memory").filter(e -> e.exportType() == ExternalType.MEMORY).isEmpty()) {
            problems.add(new BindProblem(BindProblem.Kind.MISSING_EXPORT, "no memory export 'memory'"));
        }
        return problems;
    }

    private Optional<BindProblem> checkImport(WasmModule module, Import anImport) {
        String what = anImport.module() + "." + anImport.name();
        if (anImport.importType() != ExternalType.FUNCTION) {
            return Optional.of(new BindProblem(BindProblem.Kind.UNRESOLVED_IMPORT,
                    "import " + what + " is a " + anImport.importType() + "; WAVM has only function intrinsics"));
        }
        FunctionType declared = module.typeSection().getType(((FunctionImport) anImport).typeIndex());
        Optional<FunctionType> intrinsic = intrinsics.resolve(anImport.module(), anImport.name());
        if (intrinsic.isEmpty()) {
            return Optional.of(new BindProblem(BindProblem.Kind.UNRESOLVED_IMPORT,
                    "import " + what + ": WAVM has no intrinsic for it (\"Missing import\")"));
        }
        if (!intrinsic.get().equals(declared)) {
            return Optional.of(new BindProblem(BindProblem.Kind.MISTYPED_IMPORT,
                    "import " + what + " is declared " + declared + ", WAVM's intrinsic is " + intrinsic.get()));
        }
        return Optional.empty();
    }

    private static Optional<BindProblem> checkExport(WasmModule module, String name, FunctionType expected, boolean required) {
        Optional<Export> export = export(module, name);
        if (export.isEmpty() || export.get().exportType() != ExternalType.FUNCTION) {
            return required
                    ? Optional.of(new BindProblem(BindProblem.Kind.MISSING_EXPORT, "no function export '" + name + "'"))
                    : Optional.empty();
        }
        FunctionType actual = functionType(module, export.get().index());
        if (!actual.equals(expected)) {
            return Optional.of(new BindProblem(BindProblem.Kind.MISTYPED_EXPORT,
                    "export " + name + " is " + actual + "; WAVM calls it as " + expected));
        }
        return Optional.empty();
    }

    private static Optional<Export> export(WasmModule module, String name) {
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return Optional.of(exports.getExport(i));
            }
        }
        return Optional.empty();
    }

    /** The type of a function by its index, imports first. */
    private static FunctionType functionType(WasmModule module, int index) {
        List<FunctionImport> imported = module.importSection().stream()
                .filter(i -> i.importType() == ExternalType.FUNCTION).map(FunctionImport.class::cast).toList();
        int typeIndex = index < imported.size()
                ? imported.get(index).typeIndex()
                : module.functionSection().getFunctionType(index - imported.size());
        return module.typeSection().getType(typeIndex);
    }
}
