package org.faasm.conformance.backend;

import java.util.function.Function;

/** Creates a backend by name; found through {@link java.util.ServiceLoader}. */
public interface BackendProvider {
    String name();

    Backend create(BackendConfig config);

    /** A provider of a backend known only at run time, such as a configured one ({@link BackendFamily}). */
    static BackendProvider of(String name, Function<BackendConfig, Backend> create) {
        return new BackendProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Backend create(BackendConfig config) {
                return create.apply(config);
            }
        };
    }
}
