package org.faasm.conformance.mutation;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.faasm.conformance.spec.Spec;

/**
 * The function imports (by name: {@code __faasm_*} and WASI calls alike) of the modules a spec runs,
 * read from their import sections once per module: a mutant of a call only a spec importing it can kill.
 */
final class ImportedCalls {
    private final Path wasmDir;
    /** Shared by a run's workers. */
    private final Map<String, Set<String>> byFunction = new ConcurrentHashMap<>();

    ImportedCalls(Path wasmDir) {
        this.wasmDir = wasmDir;
    }

    Set<String> of(Spec spec) {
        Set<String> calls = new HashSet<>();
        spec.namedFunctions().forEach(function -> calls.addAll(byFunction.computeIfAbsent(function, this::read)));
        return calls;
    }

    private Set<String> read(String function) {
        Path file = wasmDir.resolve(function + ".wasm");
        Set<String> names = new HashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                Parser.parse(file).importSection().stream()
                        .filter(i -> i.importType() == ExternalType.FUNCTION)
                        .forEach(i -> names.add(i.name()));
            } catch (RuntimeException e) {
                // Not a valid module: its spec ends in ERROR with or without a mutant, and kills nothing.
            }
        }
        return names;
    }
}
