// A write through read_state_ptr's mapping that is the message's last act.
// Key "lk" is seeded with "xxxx".
// Parent (input ""): chains itself by name with "w" and awaits it, then reads
//   "lk" from this host's local tier. Output: "after w: <value>".
// w: maps "lk" with read_state_ptr, sets its output, and only then writes
//   "LATE" through the pointer, making no call after it; it does not push.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    if (strcmp(mode, "w") == 0) {
        unsigned char* p = __faasm_read_state_ptr("lk", 4);
        faasm_set_output_str("w mapped");
        memcpy(p, "LATE", 4);
    } else {
        char value[5] = {0};
        char out[64];
        unsigned id = faasm_chain_name_str("state_ptr_late", "w");
        int rv = __faasm_await_call(id);
        __faasm_read_state("lk", (unsigned char*)value, 4);
        snprintf(out, sizeof(out), "w=%d after w: %s", rv, value);
        faasm_set_output_str(out);
    }
    free(mode);
    return 0;
}
