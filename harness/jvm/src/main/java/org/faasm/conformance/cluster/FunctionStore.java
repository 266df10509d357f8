package org.faasm.conformance.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.faasm.conformance.jvm.ModuleSource;

/** Functions uploaded through {@code PUT /f/<user>/<function>}, kept in memory. */
final class FunctionStore implements ModuleSource {
    private final Map<String, byte[]> functions = new ConcurrentHashMap<>();

    void put(String user, String function, byte[] wasm) {
        functions.put(key(user, function), wasm.clone());
    }

    @Override
    public Optional<byte[]> load(String user, String function) {
        return Optional.ofNullable(functions.get(key(user, function))).map(byte[]::clone);
    }

    @Override
    public String describe(String user, String function) {
        return "uploaded function " + key(user, function);
    }

    private static String key(String user, String function) {
        return user + "/" + function;
    }
}
