// Key "mk" is seeded with "aaaa" (its global value). Maps it with
// read_state_ptr, writes "XXXX" through the mapping (input "pull" and
// "partial"), then one state call on the same key, and outputs what the
// mapping shows afterwards: "mapped=<4 bytes>".
//   input "write":   write_state("WWWW")
//   input "pull":    pull_state
//   input "partial": flag_state_offset_dirty of bytes 0-1, push_state_partial
// Faasm maps the key's own pages into the guest, so each call's effect on
// the local value shows through the mapping.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned char* p = __faasm_read_state_ptr("mk", 4);
    if (strcmp(mode, "write") == 0) {
        __faasm_write_state("mk", (const unsigned char*)"WWWW", 4);
    } else if (strcmp(mode, "pull") == 0) {
        memcpy(p, "XXXX", 4);
        __faasm_pull_state("mk", 4);
    } else {
        memcpy(p, "XXXX", 4);
        __faasm_flag_state_offset_dirty("mk", 4, 0, 2);
        __faasm_push_state_partial("mk");
    }
    char out[32];
    snprintf(out, sizeof(out), "mapped=%.4s", (const char*)p);
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
