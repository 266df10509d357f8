package org.faasm.conformance.wavm;

/** One reason WAVM would refuse a module, with a sentence naming the import or export. */
public record BindProblem(Kind kind, String detail) {
    public enum Kind {
        /** {@code __wasm_call_ctors}, {@code _start} or {@code memory} is not exported. */
        MISSING_EXPORT,
        /** An import WAVM has no intrinsic for ("Missing import"). */
        UNRESOLVED_IMPORT,
        /** An import or a bind-time export whose type is not the one WAVM links or calls. */
        SIGNATURE_MISMATCH
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
