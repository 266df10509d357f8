// Host calls at the edges their bounds checks and copies must get exactly
// right, one case per input; each outputs what it saw, or "<case> returned"
// when a call that must fail returned. `END` is the first address past
// linear memory; a "wrapping" length makes pointer + length pass 2^32, so a
// check done in 32 bits sees a range that ends near 0.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

static uintptr_t mem_end(void)
{
    return (uintptr_t)__builtin_wasm_memory_size(0) * 65536u;
}

#define END ((unsigned char*)mem_end())

static int32_t wrapping_length(const void* ptr)
{
    return (int32_t)(0u - (uint32_t)(uintptr_t)ptr + 16u);
}

static int is(const char* input, const char* name)
{
    return strcmp(input, name) == 0;
}

int main(void)
{
    char input[64] = {0};
    unsigned char tmp[32] = {0};
    char out[128];
    __faasm_read_input((unsigned char*)input, sizeof(input) - 1);

    if (is(input, "read_input_end")) {
        // The buffer ends exactly at the end of memory: in bounds.
        int32_t size = __faasm_read_input(tmp, 0);
        int32_t got = __faasm_read_input(END - size, size);
        snprintf(out, sizeof(out), "got %d: %.*s", (int)got, (int)size, (const char*)(END - size));
        faasm_set_output_str(out);
        return 0;
    } else if (is(input, "write_output_key")) {
        __faasm_write_output((const char*)(END + 64), 1);
    } else if (is(input, "chain_name_wrap")) {
        __faasm_chain_name("echo", tmp, wrapping_length(tmp));
    } else if (is(input, "read_state_wrap")) {
        __faasm_read_state("edge_rs", tmp, wrapping_length(tmp));
    } else if (is(input, "write_state_wrap")) {
        __faasm_write_state("edge_ws", tmp, wrapping_length(tmp));
    } else if (is(input, "write_state_shorter")) {
        // A key of 8 bytes, written again with length 2: the value's size wins.
        unsigned char again[8] = {'X', 'Y', '1', '2', '3', '4', '5', '6'};
        __faasm_write_state("edge_short", (const unsigned char*)"abcdefgh", 8);
        __faasm_write_state("edge_short", again, 2);
        char value[9] = {0};
        __faasm_read_state("edge_short", (unsigned char*)value, 8);
        snprintf(out, sizeof(out), "value=%s", value);
        faasm_set_output_str(out);
        return 0;
    } else {
        faasm_set_output_str("unknown case");
        return 2;
    }
    snprintf(out, sizeof(out), "%s returned", input);
    faasm_set_output_str(out);
    return 0;
}
