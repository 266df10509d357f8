package org.faasm.conformance.hostinterface;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Faasm's two WebAssembly VMs ({@code FAASM_WASM_VM}, faasm:src/conf/FaasmConfig.cpp:30). Where they
 * show different results for the same message, a spec says so per VM, and each backend follows one.
 */
public enum FaasmVm {
    /** Faasm's default. Defines every {@code __faasm_*} intrinsic but the S3 calls (faasm:src/wavm/*.cpp). */
    WAVM(EnumSet.complementOf(EnumSet.of(FaasmImport.S3_GET_NUM_BUCKETS, FaasmImport.S3_LIST_BUCKETS,
            FaasmImport.S3_GET_NUM_KEYS, FaasmImport.S3_GET_NUM_KEYS_WITH_PREFIX, FaasmImport.S3_LIST_KEYS,
            FaasmImport.S3_LIST_KEYS_WITH_PREFIX, FaasmImport.S3_ADD_KEY_BYTES, FaasmImport.S3_GET_KEY_BYTES))),
    /**
     * Registers the core calls, S3 and the shared-memory calls, but no offset state, dirty flags,
     * partial pushes, locks, clear_appended, write_state_from_file, conf_flag, Python calls or backtrace
     * (faasm:src/wamr/faasm.cpp:229-260, state.cpp, s3.cpp).
     */
    WAMR(EnumSet.complementOf(EnumSet.of(FaasmImport.CLEAR_APPENDED_STATE, FaasmImport.WRITE_STATE_OFFSET,
            FaasmImport.READ_STATE_OFFSET, FaasmImport.READ_STATE_OFFSET_PTR, FaasmImport.WRITE_STATE_FROM_FILE,
            FaasmImport.FLAG_STATE_DIRTY, FaasmImport.FLAG_STATE_OFFSET_DIRTY, FaasmImport.PUSH_STATE_PARTIAL,
            FaasmImport.PUSH_STATE_PARTIAL_MASK, FaasmImport.LOCK_STATE_READ, FaasmImport.LOCK_STATE_WRITE,
            FaasmImport.UNLOCK_STATE_READ, FaasmImport.UNLOCK_STATE_WRITE, FaasmImport.CONF_FLAG,
            FaasmImport.GET_PY_USER, FaasmImport.GET_PY_FUNC, FaasmImport.GET_PY_ENTRY, FaasmImport.CHAIN_PY,
            FaasmImport.BACKTRACE)));

    private final Set<FaasmImport> imports;

    FaasmVm(Set<FaasmImport> imports) {
        this.imports = Set.copyOf(imports);
    }

    /** The name specs and Faasm's configuration use: {@code wavm}, {@code wamr}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code __faasm_*} imports this VM links. */
    public Set<FaasmImport> imports() {
        return imports;
    }
}
