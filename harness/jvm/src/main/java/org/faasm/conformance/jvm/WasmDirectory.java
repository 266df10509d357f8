package org.faasm.conformance.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Modules in one folder as {@code <function>.wasm}, whatever the user (the project's {@code wasm/}). */
public record WasmDirectory(Path dir) implements ModuleSource {

    @Override
    public Optional<byte[]> load(String user, String function) throws IOException {
        Path file = file(function);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /**
     * Checks the function's module is there before a spec runs it: a missing one is the spec's setup
     * failing (ERROR on every backend alike), named by its path.
     */
    public void requireModule(String function) throws ModuleLoadException {
        if (!Files.isRegularFile(file(function))) {
            throw ModuleLoadException.missing(function, file(function).toString());
        }
    }

    @Override
    public String describe(String user, String function) {
        return file(function).toString();
    }

    private Path file(String function) {
        return dir.resolve(function + ".wasm");
    }
}
