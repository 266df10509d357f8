// Chains `doubler` (one int parameter = atoi(input)) by pointer with the
// parent's own input (e.g. "21"), then `doubler` with empty input (parameter
// 0). doubler outputs "doubled <2x>" and returns 2x, so a non-zero x gives a
// child that fails with "Call failed (return value=2x)". Parent output:
// "first=<rv1> second=<rv2>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int doubler(int x)
{
    char out[64];
    snprintf(out, sizeof(out), "doubled %d", 2 * x);
    faasm_set_output_str(out);
    return 2 * x;
}

int main(void)
{
    int len = 0;
    char* in = faasm_read_input_alloc(&len);
    unsigned id1 = __faasm_chain_ptr((int (*)())doubler, (const unsigned char*)in, len);
    int rv1 = __faasm_await_call(id1);
    unsigned id2 = __faasm_chain_ptr((int (*)())doubler, (const unsigned char*)"", 0);
    int rv2 = __faasm_await_call(id2);
    char out[64];
    snprintf(out, sizeof(out), "first=%d second=%d", rv1, rv2);
    faasm_set_output_str(out);
    free(in);
    return 0;
}
