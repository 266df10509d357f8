// Key "dk" is seeded with "xxxx" (upload server main). Maps it with
// read_state_ptr, checks a second call returns the same pointer, writes
// "PTR1" through the pointer, then:
//   input "noflag": push_state only -> not dirty, global stays "xxxx"
//   input "flag":   flag_state_dirty, then push_state -> global "PTR1"
// Outputs "mapped=<initial> same-ptr=<yes|no> local=<read_state after write>".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned char* p = __faasm_read_state_ptr("dk", 4);
    unsigned char* q = __faasm_read_state_ptr("dk", 4);
    char mapped[5] = {0};
    memcpy(mapped, p, 4);
    memcpy(p, "PTR1", 4);
    if (strcmp(mode, "flag") == 0) {
        __faasm_flag_state_dirty("dk", 4);
    }
    __faasm_push_state("dk");
    char local[5] = {0};
    __faasm_read_state("dk", (unsigned char*)local, 4);
    char out[128];
    snprintf(out, sizeof(out), "mapped=%s same-ptr=%s local=%s", mapped, p == q ? "yes" : "no",
             local);
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
