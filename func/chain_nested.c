// Nested chaining by pointer with await_call_output at each level:
// main chains `middle` ("m-in"), which chains `leaf` ("l-in").
// leaf outputs "leaf(l-in)"; middle outputs "middle(m-in,<leaf out>,rv=0)";
// main outputs "main(<middle out>,rv=0)".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int leaf(void)
{
    char* in = faasm_read_input_alloc(NULL);
    char out[128];
    snprintf(out, sizeof(out), "leaf(%s)", in);
    faasm_set_output_str(out);
    free(in);
    return 0;
}

int middle(void)
{
    char* in = faasm_read_input_alloc(NULL);
    unsigned id = faasm_chain_ptr_str(leaf, "l-in");
    char* leafOut = NULL;
    int rv = faasm_await_output_str(id, &leafOut);
    char out[512];
    snprintf(out, sizeof(out), "middle(%s,%s,rv=%d)", in, leafOut, rv);
    faasm_set_output_str(out);
    free(in);
    free(leafOut);
    return 0;
}

int main(void)
{
    unsigned id = faasm_chain_ptr_str(middle, "m-in");
    char* midOut = NULL;
    int rv = faasm_await_output_str(id, &midOut);
    char out[1024];
    snprintf(out, sizeof(out), "main(%s,rv=%d)", midOut, rv);
    faasm_set_output_str(out);
    free(midOut);
    return 0;
}
