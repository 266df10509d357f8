// await_call on ids this message did not chain: Faasm asks the planner for
// (app, id), so any message of the app can be awaited, and an id it never
// sees gives 0 once the chained-call timeout has passed
// (faasm:src/wasm/chaining_util.cpp:13-36). Input:
//   ""              chains "leaf", then "sibling <leaf id>"; awaits the
//                   sibling, then the leaf. Outputs "sibling=<rv> leaf=<rv>".
//   "grandchild"    chains "parent" and reads the id of the leaf it chained
//                   from its output, then awaits that leaf.
//                   Outputs "grandchild=<rv>".
//   "unknown"       awaits an id no message has. Outputs "unknown=<rv>".
//   "leaf"          returns 3.
//   "sibling <id>"  awaits <id>; outputs "leaf rv=<rv>".
//   "parent"        chains "leaf"; outputs its id.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    char out[64];
    int rv = 0;
    if (strcmp(mode, "leaf") == 0) {
        rv = 3;
    } else if (strncmp(mode, "sibling ", 8) == 0) {
        unsigned id = (unsigned)strtoul(mode + 8, NULL, 10);
        snprintf(out, sizeof(out), "leaf rv=%d", __faasm_await_call(id));
        faasm_set_output_str(out);
    } else if (strcmp(mode, "parent") == 0) {
        snprintf(out, sizeof(out), "%u", faasm_chain_name_str("await_any", "leaf"));
        faasm_set_output_str(out);
    } else if (strcmp(mode, "grandchild") == 0) {
        char* leafId = NULL;
        faasm_await_output_str(faasm_chain_name_str("await_any", "parent"), &leafId);
        unsigned id = (unsigned)strtoul(leafId ? leafId : "0", NULL, 10);
        snprintf(out, sizeof(out), "grandchild=%d", __faasm_await_call(id));
        faasm_set_output_str(out);
        free(leafId);
    } else if (strcmp(mode, "unknown") == 0) {
        snprintf(out, sizeof(out), "unknown=%d", __faasm_await_call(12345u));
        faasm_set_output_str(out);
    } else {
        unsigned leaf = faasm_chain_name_str("await_any", "leaf");
        char siblingInput[32];
        snprintf(siblingInput, sizeof(siblingInput), "sibling %u", leaf);
        int sibling = __faasm_await_call(faasm_chain_name_str("await_any", siblingInput));
        snprintf(out, sizeof(out), "sibling=%d leaf=%d", sibling, __faasm_await_call(leaf));
        faasm_set_output_str(out);
    }
    free(mode);
    return rv;
}
