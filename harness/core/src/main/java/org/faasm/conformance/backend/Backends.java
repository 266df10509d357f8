package org.faasm.conformance.backend;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The backends on the class path and those configured (a {@link BackendFamily}), by name. */
public final class Backends {
    private final Map<String, BackendProvider> providers = new TreeMap<>();

    public Backends() {
        ServiceLoader.load(BackendProvider.class).forEach(p -> providers.put(p.name(), p));
        for (BackendFamily family : ServiceLoader.load(BackendFamily.class)) {
            for (BackendProvider provider : family.providers()) {
                // A configured name must not silently replace a built-in column (or another configured one).
                if (providers.putIfAbsent(provider.name(), provider) != null) {
                    throw new IllegalArgumentException("backend name '" + provider.name() + "' is taken; known: "
                            + String.join(", ", names()));
                }
            }
        }
    }

    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    public Backend create(String name, BackendConfig config) {
        BackendProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; known: " + String.join(", ", names()));
        }
        return provider.create(config);
    }
}
