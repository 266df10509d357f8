// write_state_offset is bounded by the value's page-rounded allocation, not
// its size (faabric:src/state/StateKeyValue.cpp:189-214). Writes the 7-byte
// "page_key" (this host becomes its main), then by input:
//   "in-page"    writes "XYZW" at offset 5: bytes 5-6 change, the rest
//                falls in the page past the value's end.
//   "past-page"  writes "XYZW" at offset 4094, past the 4096-byte page:
//                fails the message.
// Outputs the value read back.
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    __faasm_write_state("page_key", (const unsigned char*)"abcdefg", 7);
    int offset = strcmp(mode, "past-page") == 0 ? 4094 : 5;
    __faasm_write_state_offset("page_key", 7, offset, (const unsigned char*)"XYZW", 4);
    char value[8] = {0};
    __faasm_read_state("page_key", (unsigned char*)value, 7);
    faasm_set_output_str(value);
    free(mode);
    return 0;
}
