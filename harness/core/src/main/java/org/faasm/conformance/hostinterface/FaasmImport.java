package org.faasm.conformance.hostinterface;

import static org.faasm.conformance.hostinterface.ArgKind.CALL_ID;
import static org.faasm.conformance.hostinterface.ArgKind.CSTRING;
import static org.faasm.conformance.hostinterface.ArgKind.INT;
import static org.faasm.conformance.hostinterface.ArgKind.LENGTH;
import static org.faasm.conformance.hostinterface.ArgKind.POINTER;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code __faasm_*} import of Faasm's host interface (reference §1.7), all in module
 * {@code env} and all i32. The single list used for signature checks, traces and coverage.
 */
public enum FaasmImport {
    READ_INPUT("read_input", true, POINTER, LENGTH),
    WRITE_OUTPUT("write_output", false, POINTER, LENGTH),
    CHAIN_NAME("chain_name", true, CSTRING, POINTER, LENGTH),
    CHAIN_PTR("chain_ptr", true, INT, POINTER, LENGTH),
    AWAIT_CALL("await_call", true, CALL_ID),
    AWAIT_CALL_OUTPUT("await_call_output", true, CALL_ID, POINTER, POINTER),
    READ_STATE("read_state", true, CSTRING, POINTER, LENGTH),
    READ_STATE_PTR("read_state_ptr", true, CSTRING, LENGTH),
    WRITE_STATE("write_state", false, CSTRING, POINTER, LENGTH),
    APPEND_STATE("append_state", false, CSTRING, POINTER, LENGTH),
    READ_APPENDED_STATE("read_appended_state", false, CSTRING, POINTER, LENGTH, INT),
    CLEAR_APPENDED_STATE("clear_appended_state", false, CSTRING),
    WRITE_STATE_OFFSET("write_state_offset", false, CSTRING, LENGTH, INT, POINTER, LENGTH),
    READ_STATE_OFFSET("read_state_offset", false, CSTRING, LENGTH, INT, POINTER, LENGTH),
    READ_STATE_OFFSET_PTR("read_state_offset_ptr", true, CSTRING, LENGTH, INT, LENGTH),
    WRITE_STATE_FROM_FILE("write_state_from_file", true, CSTRING, CSTRING),
    FLAG_STATE_DIRTY("flag_state_dirty", false, CSTRING, LENGTH),
    FLAG_STATE_OFFSET_DIRTY("flag_state_offset_dirty", false, CSTRING, LENGTH, INT, LENGTH),
    PUSH_STATE("push_state", false, CSTRING),
    PUSH_STATE_PARTIAL("push_state_partial", false, CSTRING),
    PUSH_STATE_PARTIAL_MASK("push_state_partial_mask", false, CSTRING, CSTRING),
    PULL_STATE("pull_state", false, CSTRING, LENGTH),
    LOCK_STATE_READ("lock_state_read", false, CSTRING),
    LOCK_STATE_WRITE("lock_state_write", false, CSTRING),
    UNLOCK_STATE_READ("unlock_state_read", false, CSTRING),
    UNLOCK_STATE_WRITE("unlock_state_write", false, CSTRING),
    CONF_FLAG("conf_flag", true, CSTRING),
    GET_PY_USER("get_py_user", false, POINTER, LENGTH),
    GET_PY_FUNC("get_py_func", false, POINTER, LENGTH),
    GET_PY_ENTRY("get_py_entry", false, POINTER, LENGTH),
    CHAIN_PY("chain_py", true, CSTRING, POINTER, LENGTH),
    BACKTRACE("backtrace", false, INT),
    SM_REDUCE("sm_reduce", false, INT, INT, INT, INT),
    SM_CRITICAL_LOCAL("sm_critical_local", false),
    SM_CRITICAL_LOCAL_END("sm_critical_local_end", false),
    MIGRATE_POINT("migrate_point", false, INT, INT),
    HOST_INTERFACE_TEST("host_interface_test", false, INT),
    S3_GET_NUM_BUCKETS("s3_get_num_buckets", true),
    S3_LIST_BUCKETS("s3_list_buckets", false, POINTER, POINTER),
    S3_GET_NUM_KEYS("s3_get_num_keys", true, CSTRING),
    S3_GET_NUM_KEYS_WITH_PREFIX("s3_get_num_keys_with_prefix", true, CSTRING, CSTRING),
    S3_LIST_KEYS("s3_list_keys", false, CSTRING, POINTER, POINTER),
    S3_LIST_KEYS_WITH_PREFIX("s3_list_keys_with_prefix", false, CSTRING, CSTRING, POINTER, POINTER),
    S3_ADD_KEY_BYTES("s3_add_key_bytes", true, CSTRING, CSTRING, POINTER, LENGTH, INT),
    S3_GET_KEY_BYTES("s3_get_key_bytes", true, CSTRING, CSTRING, POINTER, POINTER, INT);

    public static final String MODULE = "env";

    private static final Map<String, FaasmImport> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(FaasmImport::importName, Function.identity()));

    private final String importName;
    private final boolean hasResult;
    private final List<ArgKind> params;

    FaasmImport(String suffix, boolean hasResult, ArgKind... params) {
        this.importName = "__faasm_" + suffix;
        this.hasResult = hasResult;
        this.params = List.of(params);
    }

    /** The import's name in module {@code env}, e.g. {@code __faasm_read_input}. */
    public String importName() {
        return importName;
    }

    public boolean hasResult() {
        return hasResult;
    }

    public List<ArgKind> params() {
        return params;
    }

    /** The import's wasm type: every parameter and the result (if any) are i32. */
    public FunctionType wasmType() {
        return FunctionType.of(Collections.nCopies(params.size(), ValType.I32), hasResult ? List.of(ValType.I32) : List.of());
    }

    public static Optional<FaasmImport> byName(String importName) {
        return Optional.ofNullable(BY_NAME.get(importName));
    }
}
