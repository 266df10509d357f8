package org.faasm.conformance.wavm;

/** One reason WAVM would refuse a module, with a sentence naming the import or export. */
public record BindProblem(Kind kind, String detail) {
    public enum Kind {
        /** {@code __wasm_call_ctors}, {@code _start} or {@code memory} is not exported. */
        MISSING_EXPORT,
        /** An import WAVM has no intrinsic for ("Missing import"). */
        UNRESOLVED_IMPORT,
        /** An import whose type is not its intrinsic's ("Error resolving import"). */
        MISTYPED_IMPORT,
        /** A bind-time export whose type is not the one WAVM calls. */
        MISTYPED_EXPORT
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
