// Passes an out-of-bounds pointer or length to one host call, chosen by the
// input (the import name without "__faasm_"; "<name>_key" variants pass an
// out-of-bounds key pointer). `END` is the first address past linear memory.
// Every case must fail (a trap, or a state error Faasm meets before its
// bounds check) naming the import; if the call returns, the output is
// "<case> returned".
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int target(void)
{
    faasm_set_output_str("target ran");
    return 0;
}

static uintptr_t mem_end(void)
{
    return (uintptr_t)__builtin_wasm_memory_size(0) * 65536u;
}

#define END ((unsigned char*)mem_end())
#define NEAR_END ((unsigned char*)(mem_end() - 4))
#define BAD_KEY ((const char*)(mem_end() + 64))

int main(void)
{
    char* c = faasm_read_input_alloc(NULL);
    unsigned char tmp[16];

    if (!strcmp(c, "read_input")) {
        // The input (this name) is 10 bytes; 4 fit before the end.
        __faasm_read_input(NEAR_END, 64);
    } else if (!strcmp(c, "read_input_room")) {
        // The input (this name) is 15 bytes and fits in the last 20; the 64-byte buffer does not.
        memset(END - 20, 'x', 20);
        __faasm_read_input(END - 20, 64);
    } else if (!strcmp(c, "write_output")) {
        __faasm_write_output((const char*)NEAR_END, 64);
    } else if (!strcmp(c, "chain_name")) {
        __faasm_chain_name("echo", NEAR_END, 64);
    } else if (!strcmp(c, "chain_name_key")) {
        __faasm_chain_name(BAD_KEY, (const unsigned char*)"x", 1);
    } else if (!strcmp(c, "chain_ptr")) {
        __faasm_chain_ptr(target, NEAR_END, 64);
    } else if (!strcmp(c, "await_call_output")) {
        // A valid call first; then the result pointers point past the end.
        unsigned id = faasm_chain_name_str("echo", "oob");
        __faasm_await_call_output(id, (char**)END, (int*)(END + 8));
    } else if (!strcmp(c, "read_state")) {
        __faasm_read_state("oob_rs", NEAR_END, 64);
    } else if (!strcmp(c, "read_state_key")) {
        __faasm_read_state(BAD_KEY, tmp, 0);
    } else if (!strcmp(c, "read_state_ptr")) {
        __faasm_read_state_ptr(BAD_KEY, 4);
    } else if (!strcmp(c, "write_state")) {
        __faasm_write_state("oob_ws", NEAR_END, 64);
    } else if (!strcmp(c, "append_state")) {
        __faasm_append_state("oob_as", NEAR_END, 64);
    } else if (!strcmp(c, "read_appended_state")) {
        __faasm_append_state("oob_ras", (const unsigned char*)"12345678", 8);
        __faasm_read_appended_state("oob_ras", NEAR_END, 8, 1);
    } else if (!strcmp(c, "write_state_existing")) {
        // The key already holds 4 bytes, so only 4 would be copied, but the
        // 64 the guest gives are checked first. The last 4 bytes hold no NUL,
        // so a check of the buffer as a C string fails as well.
        __faasm_write_state("oob_wse", (const unsigned char*)"abcd", 4);
        memset(NEAR_END, 'x', 4);
        __faasm_write_state("oob_wse", NEAR_END, 64);
    } else if (!strcmp(c, "write_state_unsized")) {
        // Length 0 cannot create the key; the data pointer is past the end.
        __faasm_write_state("oob_wsu", END + 64, 0);
    } else if (!strcmp(c, "read_state_existing")) {
        // As above, reading: the value's 4 bytes would fit before the end.
        __faasm_write_state("oob_rse", (const unsigned char*)"abcd", 4);
        memset(NEAR_END, 'x', 4);
        __faasm_read_state("oob_rse", NEAR_END, 64);
    } else if (!strcmp(c, "read_appended_state_short")) {
        // Fewer values than asked for, and a buffer past the end.
        __faasm_append_state("oob_rass", (const unsigned char*)"12345678", 8);
        __faasm_read_appended_state("oob_rass", NEAR_END, 64, 4);
    } else if (!strcmp(c, "write_state_offset")) {
        __faasm_write_state_offset("oob_wso", 64, 0, NEAR_END, 64);
    } else if (!strcmp(c, "read_state_offset")) {
        __faasm_read_state_offset("oob_rso", 64, 0, NEAR_END, 64);
    } else if (!strcmp(c, "write_state_offset_unsized")) {
        // Total 0 cannot create the key: that error comes before the check.
        __faasm_write_state_offset("oob_wsou", 0, 0, NEAR_END, 64);
    } else if (!strcmp(c, "read_state_offset_unsized")) {
        __faasm_read_state_offset("oob_rsou", 0, 0, NEAR_END, 64);
    } else if (!strcmp(c, "read_state_offset_range")) {
        // The chunk (offset 64 of an 8-byte value) is out of range as well.
        __faasm_read_state_offset("oob_rsor", 8, 64, NEAR_END, 64);
    } else if (!strcmp(c, "read_state_offset_ptr")) {
        __faasm_read_state_offset_ptr(BAD_KEY, 64, 0, 8);
    } else if (!strcmp(c, "push_state")) {
        __faasm_push_state(BAD_KEY);
    } else if (!strcmp(c, "pull_state")) {
        __faasm_pull_state(BAD_KEY, 4);
    } else if (!strcmp(c, "lock_state_read")) {
        __faasm_lock_state_read(BAD_KEY);
    } else if (!strcmp(c, "unlock_state_read")) {
        __faasm_unlock_state_read(BAD_KEY);
    } else if (!strcmp(c, "lock_state_write")) {
        __faasm_lock_state_write(BAD_KEY);
    } else if (!strcmp(c, "unlock_state_write")) {
        __faasm_unlock_state_write(BAD_KEY);
    } else if (!strcmp(c, "flag_state_dirty")) {
        __faasm_flag_state_dirty(BAD_KEY, 4);
    } else if (!strcmp(c, "clear_appended_state")) {
        __faasm_clear_appended_state(BAD_KEY);
    } else {
        faasm_set_output_str("unknown case");
        free(c);
        return 2;
    }
    char out[128];
    snprintf(out, sizeof(out), "%s returned", c);
    faasm_set_output_str(out);
    free(c);
    return 0;
}
