// append_state is a sizeless access: it creates the key's local value
// without a size, and this host claims the key's main
// (faabric:src/state/InMemoryStateKeyValue.cpp:58-66). Appends to "sl_key",
// then by input:
//   "size"   outputs "size=<read_state(key, buf, 0)>" (the local size, 0).
//   "write"  write_state on the key: a sized call on a value with no size
//            fails the message ("... has no size set").
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned char buf[4];
    __faasm_append_state("sl_key", (const unsigned char*)"ab", 2);
    char out[32];
    if (strcmp(mode, "write") == 0) {
        __faasm_write_state("sl_key", (const unsigned char*)"xy", 2);
        snprintf(out, sizeof(out), "written");
    } else {
        snprintf(out, sizeof(out), "size=%d", __faasm_read_state("sl_key", buf, 0));
    }
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
