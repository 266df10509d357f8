/*
 * Declarations of every Faasm host call ("__faasm_*"), as imported from the
 * wasm module "env". Every parameter and result is an i32 at the wasm level;
 * the C types below only make guest code easier to read.
 *
 * Written for faasm-conformance from the import table in
 * shared/reference/faasm-host-interface.md (section 1.7). Backend support
 * differs (see that table): WAMR lacks the offset/lock/dirty/clear_appended/
 * conf_flag/python/backtrace calls, WAVM lacks the S3 calls.
 */
#ifndef FAASM_CONFORMANCE_HOST_INTERFACE_H
#define FAASM_CONFORMANCE_HOST_INTERFACE_H

#ifdef __cplusplus
extern "C" {
#endif

#define FAASM_IMPORT(n) __attribute__((import_module("env"), import_name(#n)))

/* ---------------------------------------------------------------- I/O --- */

/* Copies min(inputSize, bufLen) input bytes into buf and returns that count;
 * with bufLen == 0 returns the total input size. Empty input returns 0.
 * Never writes a NUL. (i32, i32) -> i32 */
FAASM_IMPORT(__faasm_read_input)
int __faasm_read_input(unsigned char* buf, int bufLen);

/* Sets the message output to exactly len bytes at ptr; last call wins.
 * (i32, i32) -> () */
FAASM_IMPORT(__faasm_write_output)
void __faasm_write_output(const char* ptr, int len);

/* ----------------------------------------------------------- chaining --- */

/* Chains function `name` (same user) with the given input bytes; returns the
 * new message id at once. (i32, i32, i32) -> i32 */
FAASM_IMPORT(__faasm_chain_name)
unsigned __faasm_chain_name(const char* name, const unsigned char* in, int inLen);

/* Chains entry `tableIdx` of this module's function table (a C function
 * pointer) in a fresh instance; returns the new message id.
 * (i32, i32, i32) -> i32 */
FAASM_IMPORT(__faasm_chain_ptr)
unsigned __faasm_chain_ptr(int (*funcPtr)(), const unsigned char* in, int inLen);

/* Waits for a chained call; returns its returnValue. (i32) -> i32 */
FAASM_IMPORT(__faasm_await_call)
int __faasm_await_call(unsigned messageId);

/* Waits for a chained call; stores into *out a buffer allocated with the
 * guest's malloc holding the child's output (no NUL added) and its length
 * into *outLen; returns the child's returnValue (libfaasm/WAMR meaning).
 * (i32, i32, i32) -> i32 */
FAASM_IMPORT(__faasm_await_call_output)
int __faasm_await_call_output(unsigned messageId, char** out, int* outLen);

/* -------------------------------------------------------------- state --- */

/* bufLen == 0: returns the value's size (0 for an unknown key). Otherwise
 * creates/pulls the value lazily, copies the value's own size into buf and
 * returns that size. (i32, i32, i32) -> i32 */
FAASM_IMPORT(__faasm_read_state)
int __faasm_read_state(const char* key, unsigned char* buf, int bufLen);

/* Maps the value into guest memory and returns a pointer to it (the same
 * pointer on later calls). Writes through it are not dirty. (i32, i32) -> i32 */
FAASM_IMPORT(__faasm_read_state_ptr)
unsigned char* __faasm_read_state_ptr(const char* key, int totalLen);

/* Writes the local copy (creating it with size dataLen) and marks it dirty.
 * (i32, i32, i32) -> () */
FAASM_IMPORT(__faasm_write_state)
void __faasm_write_state(const char* key, const unsigned char* data, int dataLen);

/* Appends one entry straight to the global appended list. (i32,i32,i32) -> () */
FAASM_IMPORT(__faasm_append_state)
void __faasm_append_state(const char* key, const unsigned char* data, int dataLen);

/* Copies the first nElems appended entries, concatenated, into buf.
 * (i32, i32, i32, i32) -> () */
FAASM_IMPORT(__faasm_read_appended_state)
void __faasm_read_appended_state(const char* key, unsigned char* buf, int bufLen, int nElems);

/* Clears the global appended list. (i32) -> () */
FAASM_IMPORT(__faasm_clear_appended_state)
void __faasm_clear_appended_state(const char* key);

/* Writes dataLen bytes at offset into the local copy (value of size
 * totalLen) and marks that chunk dirty. (i32 x5) -> () */
FAASM_IMPORT(__faasm_write_state_offset)
void __faasm_write_state_offset(const char* key, int totalLen, int offset,
                                const unsigned char* data, int dataLen);

/* Reads bufLen bytes at offset (pulling that chunk lazily). (i32 x5) -> () */
FAASM_IMPORT(__faasm_read_state_offset)
void __faasm_read_state_offset(const char* key, int totalLen, int offset,
                               unsigned char* buf, int bufLen);

/* Maps the value and returns a guest pointer to byte `offset`.
 * (i32 x4) -> i32 */
FAASM_IMPORT(__faasm_read_state_offset_ptr)
unsigned char* __faasm_read_state_offset_ptr(const char* key, int totalLen,
                                             int offset, int len);

/* Writes a file from the runtime root into state; returns its length.
 * (i32, i32) -> i32 */
FAASM_IMPORT(__faasm_write_state_from_file)
unsigned __faasm_write_state_from_file(const char* key, const char* filePath);

/* Marks the whole value dirty for the next push. (i32, i32) -> () */
FAASM_IMPORT(__faasm_flag_state_dirty)
void __faasm_flag_state_dirty(const char* key, int totalLen);

/* Marks a chunk dirty for the next push. (i32 x4) -> () */
FAASM_IMPORT(__faasm_flag_state_offset_dirty)
void __faasm_flag_state_offset_dirty(const char* key, int totalLen, int offset, int dataLen);

/* Pushes the local copy to the global tier if dirty. (i32) -> () */
FAASM_IMPORT(__faasm_push_state)
void __faasm_push_state(const char* key);

/* Pushes only the dirty chunks. (i32) -> () */
FAASM_IMPORT(__faasm_push_state_partial)
void __faasm_push_state_partial(const char* key);

/* Pushes the chunks selected by the mask value maskKey. (i32, i32) -> () */
FAASM_IMPORT(__faasm_push_state_partial_mask)
void __faasm_push_state_partial_mask(const char* key, const char* maskKey);

/* Refetches the global value, overwriting the local copy. (i32, i32) -> () */
FAASM_IMPORT(__faasm_pull_state)
void __faasm_pull_state(const char* key, int stateLen);

/* Process-local read/write locks on a value. (i32) -> () each */
FAASM_IMPORT(__faasm_lock_state_read)
void __faasm_lock_state_read(const char* key);
FAASM_IMPORT(__faasm_unlock_state_read)
void __faasm_unlock_state_read(const char* key);
FAASM_IMPORT(__faasm_lock_state_write)
void __faasm_lock_state_write(const char* key);
FAASM_IMPORT(__faasm_unlock_state_write)
void __faasm_unlock_state_write(const char* key);

/* -------------------------------------------------------------- misc --- */

/* Runtime configuration flag: "ALWAYS_ON" -> 1, "ALWAYS_OFF" -> 0,
 * "PYTHON_PRELOAD" -> 1 if enabled, anything else 0. (i32) -> i32 */
FAASM_IMPORT(__faasm_conf_flag)
unsigned __faasm_conf_flag(const char* key);

/* Python support: copy the Python user/function/entry of this message into
 * buf. (i32, i32) -> () each */
FAASM_IMPORT(__faasm_get_py_user)
void __faasm_get_py_user(unsigned char* buf, int bufLen);
FAASM_IMPORT(__faasm_get_py_func)
void __faasm_get_py_func(unsigned char* buf, int bufLen);
FAASM_IMPORT(__faasm_get_py_entry)
void __faasm_get_py_entry(unsigned char* buf, int bufLen);

/* Chains a Python function by name; returns the message id.
 * (i32, i32, i32) -> i32 */
FAASM_IMPORT(__faasm_chain_py)
unsigned __faasm_chain_py(const char* name, const unsigned char* in, int inLen);

/* Logs a host-side backtrace of the given depth. (i32) -> () */
FAASM_IMPORT(__faasm_backtrace)
void __faasm_backtrace(int depth);

/* Shared-memory reduction registration (OpenMP support).
 * (i32, i32, i32, i32) -> () */
FAASM_IMPORT(__faasm_sm_reduce)
void __faasm_sm_reduce(void* var, int varType, int reduceOp, int currentBatch);

/* Enter / leave a host-local critical section (OpenMP). () -> () each */
FAASM_IMPORT(__faasm_sm_critical_local)
void __faasm_sm_critical_local(void);
FAASM_IMPORT(__faasm_sm_critical_local_end)
void __faasm_sm_critical_local_end(void);

/* Migration point: the host may migrate here and resume at funcPtr(arg).
 * (i32, i32) -> () */
FAASM_IMPORT(__faasm_migrate_point)
void __faasm_migrate_point(void (*funcPtr)(int), int arg);

/* Host test hook (e.g. throws a migration exception). (i32) -> () */
FAASM_IMPORT(__faasm_host_interface_test)
void __faasm_host_interface_test(int testNum);

/* ---------------------------------------------------- S3 (WAMR only) --- */
/* Names and types as registered in faasm src/wamr/s3.cpp (8 calls). Pointers
 * to pointers are filled with buffers malloc'd in the guest by the host. */

/* Number of buckets. () -> i32 */
FAASM_IMPORT(__faasm_s3_get_num_buckets)
int __faasm_s3_get_num_buckets(void);

/* Fills bucketsBuffer (char*[n]) and bucketsBufferLens (int[n]).
 * (i32, i32) -> () */
FAASM_IMPORT(__faasm_s3_list_buckets)
void __faasm_s3_list_buckets(char** bucketsBuffer, int* bucketsBufferLens);

/* Number of keys in a bucket. (i32) -> i32 */
FAASM_IMPORT(__faasm_s3_get_num_keys)
int __faasm_s3_get_num_keys(const char* bucketName);

/* Number of keys in a bucket starting with prefix. (i32, i32) -> i32 */
FAASM_IMPORT(__faasm_s3_get_num_keys_with_prefix)
int __faasm_s3_get_num_keys_with_prefix(const char* bucketName, const char* prefix);

/* Fills keysBuffer (char*[n]) and keysBufferLens (int[n]).
 * (i32, i32, i32) -> () */
FAASM_IMPORT(__faasm_s3_list_keys)
void __faasm_s3_list_keys(const char* bucketName, char** keysBuffer, int* keysBufferLens);

/* Same, restricted to keys starting with prefix. (i32 x4) -> () */
FAASM_IMPORT(__faasm_s3_list_keys_with_prefix)
void __faasm_s3_list_keys_with_prefix(const char* bucketName, const char* prefix,
                                      char** keysBuffer, int* keysBufferLens);

/* Stores keyBufferLen bytes as bucket/key; overwrite is a bool.
 * (i32 x5) -> i32 */
FAASM_IMPORT(__faasm_s3_add_key_bytes)
int __faasm_s3_add_key_bytes(const char* bucketName, const char* keyName,
                             const void* keyBuffer, int keyBufferLen, int overwrite);

/* Fetches bucket/key into a guest-malloc'd buffer stored in *keyBuffer, its
 * length in *keyBufferLen; tolerateMissing is a bool. (i32 x5) -> i32 */
FAASM_IMPORT(__faasm_s3_get_key_bytes)
int __faasm_s3_get_key_bytes(const char* bucketName, const char* keyName,
                             unsigned char** keyBuffer, int* keyBufferLen,
                             int tolerateMissing);

#undef FAASM_IMPORT

#ifdef __cplusplus
}
#endif

#endif
