// Fork-join across environments: chains "echo" by name with input "by name"
// and its own `child` by pointer with input "by pointer", both before
// awaiting either, then awaits their outputs. child outputs
// "child got: <input>" and returns 0. Parent output:
// "name=[<echo out>] ptr=[<child out>] rvs=<rv1>,<rv2>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int child(void)
{
    char* in = faasm_read_input_alloc(NULL);
    char out[128];
    snprintf(out, sizeof(out), "child got: %s", in);
    faasm_set_output_str(out);
    free(in);
    return 0;
}

int main(void)
{
    unsigned byName = faasm_chain_name_str("echo", "by name");
    unsigned byPtr = faasm_chain_ptr_str(child, "by pointer");
    char *nameOut, *ptrOut;
    int rv1 = faasm_await_output_str(byName, &nameOut);
    int rv2 = faasm_await_output_str(byPtr, &ptrOut);
    char out[384];
    snprintf(out, sizeof(out), "name=[%s] ptr=[%s] rvs=%d,%d", nameOut, ptrOut, rv1, rv2);
    faasm_set_output_str(out);
    free(nameOut);
    free(ptrOut);
    return 0;
}
