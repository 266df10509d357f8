// Partial pushes of a 4-byte value "partial_key" given in state (the upload
// server is its main, so this host must push). Input:
//   "" (default)   writes "XY" at offset 1, flags that chunk dirty and pushes
//                  it with push_state_partial.
//   "write"        write_state "WXYZ" (sets the dirty flag, marks no bytes),
//                  then push_state_partial: nothing is sent and the re-pull
//                  discards the write.
//   "mask"         write_state "WXYZ", then push_state_partial_mask with the
//                  given 4-byte "mask_key": only its non-zero bytes are sent.
//   "mask-zeroed"  as "mask", then outputs the local mask as hex instead.
//   "mask-size"    push_state_partial_mask with the 1-byte "short_mask".
//   "ptr"          writes "XY" at offset 1 through read_state_offset_ptr's
//                  mapping (which marks nothing dirty), flags that chunk
//                  with flag_state_offset_dirty and pushes it partially.
// Outputs the local value after the push (which re-pulls it).
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    const char* key = "partial_key";
    char* mode = faasm_read_input_alloc(NULL);
    unsigned char mask[4];
    if (strncmp(mode, "mask", 4) == 0) {
        int shortMask = strcmp(mode, "mask-size") == 0;
        const char* maskKey = shortMask ? "short_mask" : "mask_key";
        __faasm_read_state(maskKey, mask, shortMask ? 1 : 4);
        __faasm_write_state(key, (const unsigned char*)"WXYZ", 4);
        __faasm_push_state_partial_mask(key, maskKey);
    } else if (strcmp(mode, "ptr") == 0) {
        unsigned char* mapped = __faasm_read_state_offset_ptr(key, 4, 1, 2);
        memcpy(mapped, "XY", 2);
        __faasm_flag_state_offset_dirty(key, 4, 1, 2);
        __faasm_push_state_partial(key);
    } else if (strcmp(mode, "write") == 0) {
        __faasm_write_state(key, (const unsigned char*)"WXYZ", 4);
        __faasm_push_state_partial(key);
    } else {
        __faasm_write_state_offset(key, 4, 1, (const unsigned char*)"XY", 2);
        __faasm_flag_state_offset_dirty(key, 4, 1, 2);
        __faasm_push_state_partial(key);
    }

    char out[16] = {0};
    if (strcmp(mode, "mask-zeroed") == 0) {
        __faasm_read_state("mask_key", mask, 4);
        snprintf(out, sizeof(out), "%02x%02x%02x%02x", mask[0], mask[1], mask[2], mask[3]);
    } else {
        __faasm_read_state(key, (unsigned char*)out, 4);
    }
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
