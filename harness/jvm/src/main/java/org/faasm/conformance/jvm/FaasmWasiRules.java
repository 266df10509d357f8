package org.faasm.conformance.jvm;

import com.dylibso.chicory.runtime.WasmFunctionHandle;

/**
 * Where Faasm's WASI (on either VM: both open files through storage::FileDescriptor) answers a call
 * otherwise than Chicory's does, made to answer as Faasm's.
 */
final class FaasmWasiRules {
    private static final int OFLAG_CREAT = 1;
    private static final int OFLAG_TRUNC = 8;
    private static final int PATH_OPEN_OFLAGS = 4;

    private FaasmWasiRules() {}

    /**
     * path_open with O_CREAT does not truncate, whatever else it asks: O_CREAT decides Faasm's open mode
     * (faasm:src/storage/FileDescriptor.cpp:69-87, 399-419), so {@code fopen(…, "w")} keeps an existing
     * file's tail.
     */
    static WasmFunctionHandle apply(String name, WasmFunctionHandle call) {
        if (!name.equals("path_open")) {
            return call;
        }
        return (instance, args) -> {
            long[] adjusted = args.clone();
            if ((adjusted[PATH_OPEN_OFLAGS] & OFLAG_CREAT) != 0) {
                adjusted[PATH_OPEN_OFLAGS] &= ~OFLAG_TRUNC;
            }
            return call.apply(instance, adjusted);
        };
    }
}
