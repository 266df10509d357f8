// Mappings of "seg_key" (given "abcdefg", 7 bytes) are cached per (key,
// offset, length) (faasm:src/wasm/WasmModule.cpp:295-338): read_state_ptr
// twice and read_state_offset_ptr(0, 7) are one mapping; read_state_ptr with
// another length and read_state_offset_ptr(2, 3) are new ones. All map the
// same host pages: "XYZ" written through the offset mapping shows in
// read_state and in the first mapping (after that state call).
// Outputs "again=<y|n> offset0=<y|n> len4=<y|n> chunk=<y|n> read=<v> via-ptr=<v>".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

static char yes(int b) { return b ? 'y' : 'n'; }

int main(void)
{
    unsigned char* whole = __faasm_read_state_ptr("seg_key", 7);
    unsigned char* again = __faasm_read_state_ptr("seg_key", 7);
    unsigned char* offset0 = __faasm_read_state_offset_ptr("seg_key", 7, 0, 7);
    unsigned char* len4 = __faasm_read_state_ptr("seg_key", 4);
    unsigned char* chunk = __faasm_read_state_offset_ptr("seg_key", 7, 2, 3);
    memcpy(chunk, "XYZ", 3);
    char read[8] = {0}, viaPtr[8] = {0};
    __faasm_read_state("seg_key", (unsigned char*)read, 7);
    memcpy(viaPtr, whole, 7);
    char out[128];
    snprintf(out, sizeof(out), "again=%c offset0=%c len4=%c chunk=%c read=%s via-ptr=%s", yes(again == whole),
             yes(offset0 == whole), yes(len4 != whole), yes(chunk != whole + 2), read, viaPtr);
    faasm_set_output_str(out);
    return 0;
}
