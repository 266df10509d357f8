// Chains a call that cannot run as asked, awaits it and outputs "rv=<rv>".
//   input "" or "name": chains the function "no_such_function" (no wasm
//                       exists) by name (the child fails with returnValue 1)
//   input "ptr":  chains function-table index 9999 of this module, which
//                 does not exist
//   input "size": chains the index one past the table's last entry
//   input "zero": chains index 0, which Faasm runs as the module's entry
//                 point (a message with funcptr 0 is a call of main), with
//                 input "child"
// Run with input "child" (the index-0 child), outputs "main got child" and
// returns 0.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

/* The size of the module's function table (clang 14 has no builtin for it). */
static unsigned table_size(void)
{
    unsigned n;
    __asm__(".tabletype __indirect_function_table, funcref\n"
            "table.size __indirect_function_table\n"
            "local.set %0"
            : "=r"(n));
    return n;
}

static unsigned chain_index(unsigned index)
{
    return __faasm_chain_ptr((int (*)())(unsigned long)index, (const unsigned char*)"child", 5);
}

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned id;
    if (strcmp(mode, "child") == 0) {
        faasm_set_output_str("main got child");
        free(mode);
        return 0;
    } else if (strcmp(mode, "ptr") == 0) {
        id = __faasm_chain_ptr((int (*)())(unsigned long)9999, (const unsigned char*)"x", 1);
    } else if (strcmp(mode, "size") == 0) {
        id = chain_index(table_size());
    } else if (strcmp(mode, "zero") == 0) {
        id = chain_index(0);
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
