package org.faasm.conformance.jvm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Chicory's work on module bytes, shared by every backend of this JVM: the parsed module and its
 * compilation to JVM bytecode, by the bytes' SHA-256. A runner that opens new backends for each test
 * (PIT runs each spec in a fresh JUnit launcher) would otherwise parse and compile the same modules
 * again each time. Only Chicory's output is kept; the host's own choices (which machine, the v128 fix)
 * are made again by each {@link ModuleCache}, so a mutated host class never leaves its result behind.
 * Bounded: the {@value #MAX_MODULES} modules used last (README, Limits).
 */
final class ChicoryModules {
    static final int MAX_MODULES = 128;

    private static final Map<String, Shared> BY_DIGEST = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shared> eldest) {
            return size() > MAX_MODULES;
        }
    };

    private ChicoryModules() {}

    /** The parsed module of these bytes, parsed once while it stays among the last used. */
    static WasmModule parse(byte[] bytes, String where) throws ModuleLoadException {
        String digest = sha256(bytes);
        synchronized (BY_DIGEST) {
            Shared known = BY_DIGEST.get(digest);
            if (known != null) {
                return known.module;
            }
        }
        WasmModule parsed = parseNow(bytes, where);
        synchronized (BY_DIGEST) {
            return BY_DIGEST.computeIfAbsent(digest, d -> new Shared(parsed)).module;
        }
    }

    /** Chicory's compiled machines for a module; compiled once when it came from {@link #parse}. */
    static Function<Instance, Machine> compiled(WasmModule module) {
        Shared shared;
        synchronized (BY_DIGEST) {
            // Identity, not equals: WasmModule's structural hashCode would walk the whole module.
            shared = BY_DIGEST.values().stream().filter(s -> s.module == module).findFirst().orElse(null);
        }
        return shared == null ? MachineFactoryCompiler.compile(module) : shared.compiled();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static WasmModule parseNow(byte[] bytes, String where) throws ModuleLoadException {
        try {
            return Parser.parse(bytes);
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ModuleLoadException(where + ": not a valid wasm module: " + e.getMessage(), e);
        }
    }

    /** One module; its compilation is made at its first use, by one thread while the others wait. */
    private static final class Shared {
        private final WasmModule module;
        private Function<Instance, Machine> machines;

        Shared(WasmModule module) {
            this.module = module;
        }

        synchronized Function<Instance, Machine> compiled() {
            if (machines == null) {
                machines = MachineFactoryCompiler.compile(module);
            }
            return machines;
        }
    }
}
