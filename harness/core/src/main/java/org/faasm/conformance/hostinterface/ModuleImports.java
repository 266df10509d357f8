package org.faasm.conformance.hostinterface;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code __faasm_*} imports each module declares, read from its import section (once per module).
 * A missing or invalid module declares nothing here; the spec that needs it reports the error.
 */
public final class ModuleImports {
    private final Path wasmDir;
    private final Map<String, Set<FaasmImport>> byFunction = new HashMap<>();

    public ModuleImports(Path wasmDir) {
        this.wasmDir = wasmDir;
    }

    public Set<FaasmImport> of(String function) {
        return byFunction.computeIfAbsent(function, this::read);
    }

    private Set<FaasmImport> read(String function) {
        Path file = wasmDir.resolve(function + ".wasm");
        Set<FaasmImport> imports = EnumSet.noneOf(FaasmImport.class);
        if (!Files.isRegularFile(file)) {
            return imports;
        }
        try {
            Parser.parse(file).importSection().stream()
                    .filter(i -> i.importType() == ExternalType.FUNCTION && FaasmImport.MODULE.equals(i.module()))
                    .map(i -> FaasmImport.byName(i.name()))
                    .flatMap(Optional::stream)
                    .forEach(imports::add);
        } catch (RuntimeException e) {
            // Not a valid module: its spec ends in ERROR, which is where that belongs.
        }
        return imports;
    }
}
