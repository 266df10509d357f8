// Chains `crasher` by pointer; crasher executes `unreachable`. The parent
// awaits it and outputs "rv=<rv>" (expected 1).
#include <stdio.h>
#include "faasm/faasm.h"

int crasher(void)
{
    faasm_set_output_str("crasher about to trap");
    __builtin_trap();
    return 0;
}

int main(void)
{
    unsigned id = faasm_chain_ptr_str(crasher, "boom");
    int rv = __faasm_await_call(id);
    char out[64];
    snprintf(out, sizeof(out), "rv=%d", rv);
    faasm_set_output_str(out);
    return 0;
}
