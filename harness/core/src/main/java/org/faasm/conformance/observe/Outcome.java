package org.faasm.conformance.observe;

/** How a Faasm message ended, at the level Faasm itself reports (reference §2.1). */
public enum Outcome {
    /** main returned or the guest called proc_exit; the return value is the code. */
    RETURNED,
    /** The guest trapped (unreachable, out-of-bounds access, a bad pointer given to a host call…). */
    TRAPPED,
    /** A host call refused the request (Faasm's "Task … threw exception"). */
    HOST_ERROR,
    /**
     * No executor could be claimed (Faasm: "Error trying to claim executor"): the function does not
     * exist, or its module does not bind (no {@code __wasm_call_ctors}, a zygote returning non-zero).
     */
    NOT_FOUND;

    /** True when the run failed before a return value could be produced. */
    public boolean isError() {
        return this != RETURNED;
    }
}
