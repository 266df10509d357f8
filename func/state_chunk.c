// read_state_offset pulls only its chunk (faabric:src/state/StateKeyValue.cpp:469-508).
// "ck" is given "abcd" (the upload server is its main). Writes "Q" at offset
// 0 (not pulled), reads 2 bytes at offset 1 (pulls bytes 1-2 only), then
// push_state sends the whole local value: "Q", the pulled "bc", and the
// never-pulled byte 3 as 0. Outputs "chunk=<bytes 1-2>".
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    char chunk[3] = {0};
    __faasm_write_state_offset("ck", 4, 0, (const unsigned char*)"Q", 1);
    __faasm_read_state_offset("ck", 4, 1, (unsigned char*)chunk, 2);
    __faasm_push_state("ck");
    char out[16];
    snprintf(out, sizeof(out), "chunk=%s", chunk);
    faasm_set_output_str(out);
    return 0;
}
