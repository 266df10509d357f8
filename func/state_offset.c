// Key "offset_key" is seeded with "abcdefg" (7 bytes, upload server main).
// Reads it whole, writes "XY" at offset 2, reads 4 bytes at offset 1,
// pushes (global becomes "abXYefg"), then maps 2 bytes at offset 5 with
// read_state_offset_ptr, reads them and writes "FG" through the pointer
// (not dirty, never pushed: the global stays "abXYefg").
// Outputs "whole=abcdefg chunk=bXYe ptr=fg".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char whole[8] = {0}, chunk[5] = {0}, viaPtr[3] = {0};
    __faasm_read_state("offset_key", (unsigned char*)whole, 7);
    __faasm_write_state_offset("offset_key", 7, 2, (const unsigned char*)"XY", 2);
    __faasm_read_state_offset("offset_key", 7, 1, (unsigned char*)chunk, 4);
    __faasm_push_state("offset_key");
    unsigned char* p = __faasm_read_state_offset_ptr("offset_key", 7, 5, 2);
    memcpy(viaPtr, p, 2);
    memcpy(p, "FG", 2);
    char out[128];
    snprintf(out, sizeof(out), "whole=%s chunk=%s ptr=%s", whole, chunk, viaPtr);
    faasm_set_output_str(out);
    return 0;
}
