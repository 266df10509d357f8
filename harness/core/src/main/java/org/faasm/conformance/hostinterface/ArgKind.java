package org.faasm.conformance.hostinterface;

/** How a host call's i32 argument is read, so traces show keys and names rather than raw pointers. */
public enum ArgKind {
    /** A pointer to a NUL-terminated string (state keys, function names, paths). */
    CSTRING,
    /** A pointer to a buffer. */
    POINTER,
    /** A length or size. */
    LENGTH,
    /** A message id returned by a chain call. */
    CALL_ID,
    /** Any other integer. */
    INT
}
