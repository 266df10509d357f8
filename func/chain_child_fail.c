// Chains "ret_code" by name with input "3" (the child returns 3) and
// awaits its output. Outputs "rv=<rv> out=<child output>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned id = faasm_chain_name_str("ret_code", "3");
    char* childOut = NULL;
    int rv = faasm_await_output_str(id, &childOut);
    char out[256];
    snprintf(out, sizeof(out), "rv=%d out=%s", rv, childOut);
    faasm_set_output_str(out);
    free(childOut);
    return 0;
}
