package org.faasm.conformance.jvm;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modules by function name, each parsed and compiled once per run. A module that fails to load is
 * remembered too, so every spec using it gets the same clear error without paying for it again.
 */
final class ModuleCache {
    private final Path wasmDir;
    private final Engine engine;
    private final Map<String, Entry> modules = new ConcurrentHashMap<>();

    ModuleCache(Path wasmDir, Engine engine) {
        this.wasmDir = wasmDir;
        this.engine = engine;
    }

    boolean exists(String function) {
        return Files.isRegularFile(file(function));
    }

    CompiledModule get(String function) throws ModuleLoadException {
        Entry entry = modules.computeIfAbsent(function, this::load);
        if (entry.error != null) {
            throw entry.error;
        }
        return entry.module;
    }

    private Entry load(String function) {
        Path file = file(function);
        if (!Files.exists(file)) {
            return new Entry(null, new ModuleLoadException("no module for function '" + function + "': " + file + " does not exist"));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            WasmModule module = Parser.parse(bytes);
            return new Entry(new CompiledModule(function, module, engine.machineFactory(module)), null);
        } catch (IOException e) {
            return new Entry(null, new ModuleLoadException(file + ": cannot read module: " + e.getMessage(), e));
        } catch (ChicoryException | IllegalArgumentException e) {
            return new Entry(null, new ModuleLoadException(file + ": not a valid wasm module: " + e.getMessage(), e));
        }
    }

    private Path file(String function) {
        return wasmDir.resolve(function + ".wasm");
    }

    private record Entry(CompiledModule module, ModuleLoadException error) {}
}
