package org.faasm.conformance.jvm;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modules by user and function, each parsed and compiled once; identical bytes uploaded under several
 * users (one per spec, on a cluster) share one compilation. A module that fails to load is remembered
 * too, so every spec using it gets the same clear error without paying for it again.
 */
public final class ModuleCache {
    private final ModuleSource source;
    private final Engine engine;
    private final Map<String, Entry> modules = new ConcurrentHashMap<>();
    private final Map<String, CompiledModule> compiled = new ConcurrentHashMap<>();

    public ModuleCache(ModuleSource source, Engine engine) {
        this.source = source;
        this.engine = engine;
    }

    /** Parses and compiles wasm bytes, or says why they are not a usable module. */
    public static WasmModule parse(byte[] bytes, String where) throws ModuleLoadException {
        try {
            return Parser.parse(bytes);
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ModuleLoadException(where + ": not a valid wasm module: " + e.getMessage(), e);
        }
    }

    /** The compiled module, or empty when the function does not exist. */
    Optional<CompiledModule> find(String user, String function) throws ModuleLoadException {
        Entry entry = modules.computeIfAbsent(key(user, function), k -> load(user, function));
        if (entry.error != null) {
            throw entry.error;
        }
        return Optional.ofNullable(entry.module);
    }

    /** The compiled module; a missing one is an error naming where it was looked for. */
    CompiledModule get(String user, String function) throws ModuleLoadException {
        return find(user, function).orElseThrow(() -> ModuleLoadException.missing(function, source.describe(user, function)));
    }

    /** Compiles a function's module now rather than at its first call (Faasm generates code at upload). */
    public void prepare(String user, String function) throws ModuleLoadException {
        get(user, function);
    }

    /** Compiles wasm bytes ahead of their upload: a later upload of the same bytes shares the compilation. */
    public void precompile(byte[] bytes, String where) throws ModuleLoadException {
        compile(bytes, where);
    }

    /** Forgets a module, e.g. after a new version was uploaded. */
    public void invalidate(String user, String function) {
        modules.remove(key(user, function));
    }

    private Entry load(String user, String function) {
        String where = source.describe(user, function);
        try {
            Optional<byte[]> bytes = source.load(user, function);
            if (bytes.isEmpty()) {
                return new Entry(null, null);
            }
            return new Entry(compile(bytes.get(), where), null);
        } catch (IOException e) {
            return new Entry(null, new ModuleLoadException(where + ": cannot read module: " + e.getMessage(), e));
        } catch (ModuleLoadException e) {
            return new Entry(null, e);
        }
    }

    private CompiledModule compile(byte[] bytes, String where) throws ModuleLoadException {
        String digest = sha256(bytes);
        CompiledModule done = compiled.get(digest);
        if (done != null) {
            return done;
        }
        WasmModule module = parse(bytes, where);
        CompiledModule fresh = engine.compile(module);
        CompiledModule raced = compiled.putIfAbsent(digest, fresh);
        return raced != null ? raced : fresh;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String key(String user, String function) {
        return user + "/" + function;
    }

    private record Entry(CompiledModule module, ModuleLoadException error) {}
}
