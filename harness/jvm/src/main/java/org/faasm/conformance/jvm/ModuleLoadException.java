package org.faasm.conformance.jvm;

/** A module that cannot be run: missing, not valid wasm, or with imports the host cannot link. */
public final class ModuleLoadException extends Exception {
    ModuleLoadException(String message) {
        super(message);
    }

    ModuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A function with no module where it was looked for. */
    static ModuleLoadException missing(String function, String where) {
        return new ModuleLoadException("no module for function '" + function + "': " + where + " does not exist");
    }
}
