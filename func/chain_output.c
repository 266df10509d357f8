// await_call_output: chains "echo" by name twice ("expected A", then
// "longer expected B"), awaits the second one first, and outputs
// "<outA>|<outB>|lens=<lenA>,<lenB>|rvs=<rvA>,<rvB>". The raw buffers come
// from the guest's malloc and are freed here.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned idA = faasm_chain_name_str("echo", "expected A");
    unsigned idB = faasm_chain_name_str("echo", "longer expected B");

    char* rawB = NULL;
    int lenB = -1;
    int rvB = __faasm_await_call_output(idB, &rawB, &lenB);
    char* rawA = NULL;
    int lenA = -1;
    int rvA = __faasm_await_call_output(idA, &rawA, &lenA);

    char out[512];
    snprintf(out, sizeof(out), "%.*s|%.*s|lens=%d,%d|rvs=%d,%d", rawA ? lenA : 0,
             rawA ? rawA : "", rawB ? lenB : 0, rawB ? rawB : "", lenA, lenB, rvA, rvB);
    faasm_set_output_str(out);
    free(rawA);
    free(rawB);
    return 0;
}
