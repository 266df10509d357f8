// Chains its own function `child` (no parameters) by pointer with input
// "abc" and awaits it. The child reads its input, prints a line, outputs
// "child got: <input>" and returns 0. Parent output: "rv=<rv>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int child(void)
{
    int len = 0;
    char* in = faasm_read_input_alloc(&len);
    char out[256];
    snprintf(out, sizeof(out), "child got: %s", in);
    printf("child running\n");
    fflush(stdout);
    faasm_set_output_str(out);
    free(in);
    return 0;
}

int main(void)
{
    unsigned id = __faasm_chain_ptr(child, (const unsigned char*)"abc", 3);
    int rv = __faasm_await_call(id);
    char out[64];
    snprintf(out, sizeof(out), "rv=%d", rv);
    faasm_set_output_str(out);
    return 0;
}
