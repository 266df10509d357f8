// Input "" or "name": chains the function "no_such_function" (no wasm
// exists) by name. Input "ptr": chains function-table index 9999 of this
// module, which does not exist. Either way awaits it and outputs "rv=<rv>"
// (the child is expected to fail with returnValue 1).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned id;
    if (strcmp(mode, "ptr") == 0) {
        id = __faasm_chain_ptr((int (*)())(unsigned long)9999, (const unsigned char*)"x", 1);
    } else {
        id = faasm_chain_name_str("no_such_function", "x");
    }
    int rv = __faasm_await_call(id);
    char out[64];
    snprintf(out, sizeof(out), "rv=%d", rv);
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
