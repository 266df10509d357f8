// Chains "echo" by name with input "hello from parent", awaits it twice
// (awaiting the same id again is allowed) and outputs
// "id-nonzero rv=<rv> again=<rv2>".
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned id = faasm_chain_name_str("echo", "hello from parent");
    int rv = __faasm_await_call(id);
    int rv2 = __faasm_await_call(id);
    char out[64];
    snprintf(out, sizeof(out), "%s rv=%d again=%d", id != 0 ? "id-nonzero" : "id-zero", rv, rv2);
    faasm_set_output_str(out);
    return 0;
}
