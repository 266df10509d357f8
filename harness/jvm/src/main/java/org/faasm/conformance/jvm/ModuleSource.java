package org.faasm.conformance.jvm;

import java.io.IOException;
import java.util.Optional;

/** Where a function's wasm bytes come from: a folder of modules, or functions uploaded to a cluster. */
public interface ModuleSource {

    /** The module's bytes, or empty when the function does not exist. */
    Optional<byte[]> load(String user, String function) throws IOException;

    /** Where the module would be, for error messages (e.g. {@code wasm/echo.wasm}). */
    String describe(String user, String function);
}
