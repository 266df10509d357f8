// Partial pushes of a 4-byte value given in state.
// Input "" (default): writes two bytes at offset 1, flags just that chunk dirty
// and pushes it with push_state_partial.
// Input "mask": writes all four bytes, then pushes only the bytes where the
// given 4-byte value "mask_key" is non-zero, with push_state_partial_mask.
// Output is the local value after the push (which re-pulls it).
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    const char* key = "partial_key";
    char* mode = faasm_read_input_alloc(NULL);
    if (strcmp(mode, "mask") == 0) {
        unsigned char mask[4];
        __faasm_read_state("mask_key", mask, 4);
        __faasm_write_state(key, (const unsigned char*)"WXYZ", 4);
        __faasm_push_state_partial_mask(key, "mask_key");
    } else {
        __faasm_write_state_offset(key, 4, 1, (const unsigned char*)"XY", 2);
        __faasm_flag_state_offset_dirty(key, 4, 1, 2);
        __faasm_push_state_partial(key);
    }
    free(mode);

    unsigned char value[5] = {0};
    __faasm_read_state(key, value, 4);
    faasm_set_output_str((const char*)value);
    return 0;
}
