package org.faasm.conformance.spec;

import java.util.Locale;

/**
 * Faasm's two WebAssembly VMs ({@code FAASM_WASM_VM}, faasm:src/faaslet/Faaslet.cpp). Where they
 * show different results for the same message, a spec says so per VM, and each backend follows one.
 */
public enum FaasmVm {
    WAVM,
    WAMR;

    /** The name specs and Faasm's configuration use: {@code wavm}, {@code wamr}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
