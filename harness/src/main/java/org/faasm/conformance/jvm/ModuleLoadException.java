package org.faasm.conformance.jvm;

/** A module that cannot be run: missing, not valid wasm, or with imports the host cannot link. */
public final class ModuleLoadException extends Exception {
    ModuleLoadException(String message) {
        super(message);
    }

    ModuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
